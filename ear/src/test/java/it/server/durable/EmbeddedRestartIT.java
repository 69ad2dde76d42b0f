package it.server.durable;

import it.support.AgentProcess;
import it.support.liberty.LibertyInstance;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link GracefulRestartContract} on the embedded default database (no database settings). */
class EmbeddedRestartIT extends GracefulRestartContract {

  private static LibertyInstance server;

  @RegisterExtension final ServerLogOnFailure log = new ServerLogOnFailure(() -> server);

  @BeforeAll
  static void startServer() {
    AgentProcess.assumeAgentJar();
    server =
        LibertyInstance.create(
            "durable-embedded",
            DurablePorts.embeddedRestart(),
            Map.of("NODELINK_COLLECTION_INTERVAL", BASELINE));
    Figures.print("EmbeddedRestartIT", "first start to ready " + seconds(server.start()));
  }

  @AfterAll
  static void removeServer() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  LibertyInstance server() {
    return server;
  }
}
