package it.server.inserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.nodelink.metrics.testkit.agent.TestAgent;
import it.support.tls.TestCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mutual TLS on the gRPC port (a copy of the server WAR with {@code nodelink.grpc.tls.client-ca}):
 * an agent connects only with a certificate from the CA that names its agent id; a certificate for
 * another id is UNAUTHENTICATED, and without one the TLS handshake itself fails.
 */
@ExtendWith(ArquillianExtension.class)
class MutualTlsIT {

  private static final String NAME = "arq-mtls";
  private static final int GRPC_PORT = Deployments.freePort();
  private static final Path DIR = Path.of("target", "mtls").toAbsolutePath();
  private static final String GOOD_ID = "mtls-agent-1";
  private static final String OTHER_ID = "mtls-agent-2";

  private static TestCertificates ca;
  private static TestCertificates.Issued good;
  private static TestCertificates.Issued other;

  private final List<TestAgent> agents = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();

  @Deployment(name = NAME, testable = false)
  static WebArchive deployment() {
    ca = TestCertificates.newCa(DIR);
    TestCertificates.Issued server = ca.issue("server", "localhost", "dns:localhost,ip:127.0.0.1");
    good = ca.issue("good", GOOD_ID, "dns:" + GOOD_ID);
    other = ca.issue("other", OTHER_ID, "dns:" + OTHER_ID);
    return Deployments.serverWar(
        NAME,
        Map.of(
            "nodelink.grpc.port", GRPC_PORT,
            "nodelink.grpc.host", "127.0.0.1",
            "nodelink.grpc.tls.cert", server.chain(),
            "nodelink.grpc.tls.key", server.key(),
            "nodelink.grpc.tls.client-ca", ca.caPem()));
  }

  @AfterEach
  void close() {
    agents.forEach(TestAgent::close);
    channels.forEach(ManagedChannel::shutdownNow);
  }

  private TestAgent connect(String agentId, TestCertificates.Issued certificate)
      throws IOException {
    TlsChannelCredentials.Builder tls =
        TlsChannelCredentials.newBuilder().trustManager(ca.caPem().toFile());
    if (certificate != null) {
      tls.keyManager(certificate.chain().toFile(), certificate.key().toFile());
    }
    ChannelCredentials credentials = tls.build();
    ManagedChannel channel =
        Grpc.newChannelBuilderForAddress("127.0.0.1", GRPC_PORT, credentials)
            .overrideAuthority("localhost")
            .build();
    channels.add(channel);
    TestAgent agent = TestAgent.builder(agentId).channel(channel).token("shared-secret").connect();
    agents.add(agent);
    return agent;
  }

  @Test
  @RunAsClient
  void certificateNamingTheAgentIdIsAccepted() throws IOException {
    TestAgent agent = connect(GOOD_ID, good);

    await("the server's first request to " + GOOD_ID)
        .atMost(TestAgent.TIMEOUT)
        .until(() -> !agent.received().isEmpty());
  }

  @Test
  @RunAsClient
  void certificateForAnotherAgentIdIsUnauthenticated() throws IOException {
    TestAgent agent = connect(GOOD_ID, other);

    Status status = agent.awaitEnded();
    assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(status.getDescription()).contains("certificate");
    assertThat(agent.received()).isEmpty();
  }

  @Test
  @RunAsClient
  void noCertificateFailsTheHandshake() throws IOException {
    TestAgent agent = connect(GOOD_ID, null);

    Status status = agent.awaitEnded();
    assertThat(status.isOk()).isFalse();
    assertThat(status.getCode()).isNotEqualTo(Status.Code.OK);
    assertThat(agent.received()).isEmpty();
  }
}
