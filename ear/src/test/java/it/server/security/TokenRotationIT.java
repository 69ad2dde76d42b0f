package it.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.nodelink.metrics.testkit.agent.TestAgent;
import it.support.Agents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rotating an agent's token without restarting the server: the build's server watches the tokens
 * file in system property {@code it.tokens.file} (every second), which this test rewrites with a
 * hashed token. The agent only keeps connecting with whichever token it holds.
 */
class TokenRotationIT {

  private static final Duration RELOAD = Duration.ofSeconds(30);
  private static final Path FILE = Path.of(System.getProperty("it.tokens.file", "target/tokens"));

  private TestAgent agent;

  @AfterEach
  void closeAgent() throws IOException {
    if (agent != null) {
      agent.close();
    }
    write("# emptied by TokenRotationIT\n");
  }

  @Test
  void newTokenIsAcceptedAndTheOldOneRefusedWithoutARestart() throws Exception {
    String id = TestAgent.uniqueId("rotated");
    write(id + ":sha256:" + sha256("first-" + id) + "\n");
    agent = awaitAccepted(id, "first-" + id);
    agent.close();

    write(id + ":sha256:" + sha256("second-" + id) + "\n");

    agent = awaitAccepted(id, "second-" + id);
    agent.close();
    agent = TestAgent.builder(id).token("first-" + id).connect();
    Status refused = agent.awaitEnded();
    assertThat(refused.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  /**
   * Connects until the server accepts the token (the file is polled, not pushed): an accepted
   * stream gets the server's system-info request, a refused one ends UNAUTHENTICATED.
   */
  private static TestAgent awaitAccepted(String id, String token) {
    TestAgent[] connected = new TestAgent[1];
    await("token of " + id + " accepted after the file changed")
        .atMost(RELOAD)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              if (connected[0] != null && connected[0].ended().isDone()) {
                connected[0].close();
                connected[0] = null;
              }
              if (connected[0] == null) {
                connected[0] = TestAgent.builder(id).token(token).connect();
              }
              return !connected[0].received().isEmpty();
            });
    Agents.awaitOnline(id);
    return connected[0];
  }

  /** Replaces the file in one step, as a deployment tool would. */
  private static void write(String content) throws IOException {
    Files.createDirectories(FILE.getParent());
    Path next = FILE.resolveSibling(FILE.getFileName() + ".next");
    Files.writeString(next, content, StandardCharsets.UTF_8);
    Files.move(next, FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String sha256(String token) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
  }
}
