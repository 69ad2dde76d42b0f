package io.nodelink.metrics.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostIdentityTest {

  @Test
  void unreadableOrUnsafePartsAreLeftOut(@TempDir Path root) {
    assertThat(HostIdentity.read(root.resolve("proc"), root)).isEqualTo(HostIdentity.NONE);
    assertThat(new HostIdentity("bad host\n", "x/y")).isEqualTo(HostIdentity.NONE);
    assertThat(new HostIdentity("web-01.example.com", "").hostname())
        .isEqualTo("web-01.example.com");
  }
}
