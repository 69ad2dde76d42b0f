package it.client;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real NodeLink agent process ({@code agent-jar/target/nodelink-agent.jar}) connected to the
 * Liberty server the build started, under a unique id with the test Liberty's shared token. Its
 * output goes to {@code ear/target/it-agents/<id>.log}.
 */
final class AgentProcess implements AutoCloseable {

  /** The test Liberty accepts any agent id with this token ({@code *:shared-secret}). */
  static final String SHARED_TOKEN = "shared-secret";

  private final String agentId;
  private final Process process;
  private final Path log;

  private AgentProcess(String agentId, Process process, Path log) {
    this.agentId = agentId;
    this.process = process;
    this.log = log;
  }

  /** Starts an agent named {@code <prefix>-<random>}. */
  static AgentProcess start(String prefix) throws IOException {
    Path jar = Path.of(required("nodelink.agent.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "agent jar " + jar + " is missing: build agent-jar first (./mvnw verify builds it)");
    }
    String agentId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Path logDir = Path.of(System.getProperty("it.agent.log.dir", "target/it-agents"));
    Files.createDirectories(logDir);
    Path log = logDir.resolve(agentId + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx64m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            jar.toString(),
            "--server",
            "127.0.0.1:" + required("grpc.port"),
            "--agent-id",
            agentId,
            "--agent-token",
            SHARED_TOKEN);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    return new AgentProcess(agentId, process, log);
  }

  String agentId() {
    return agentId;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The agent's output so far, for assertion messages. */
  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops the agent: SIGTERM, then SIGKILL after 10 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + property + " is not set (failsafe sets it)");
    }
    return value;
  }
}
