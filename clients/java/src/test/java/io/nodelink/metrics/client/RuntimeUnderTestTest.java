package io.nodelink.metrics.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Each surefire run tests the client on the JAX-RS runtime it says it does. */
class RuntimeUnderTestTest {

  @Test
  void theExpectedJaxRsRuntimeIsTheOneInUse() {
    String expected = System.getProperty("expected.jaxrs.runtime", "jersey");
    Client client = ClientBuilder.newClient();
    try {
      assertThat(client.getClass().getName().toLowerCase(Locale.ROOT)).contains(expected);
    } finally {
      client.close();
    }
  }
}
