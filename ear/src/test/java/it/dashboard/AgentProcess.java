package it.dashboard;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real agent (agent-jar/target/nodelink-agent.jar) run as a separate JVM against the test
 * server's gRPC port, its output kept in target/ for when a test fails.
 */
final class AgentProcess implements AutoCloseable {

  static final Path JAR =
      Paths.get(System.getProperty("agent.jar", "../agent-jar/target/nodelink-agent.jar"));

  private final Process process;

  private AgentProcess(Process process) {
    this.process = process;
  }

  /**
   * Starts an agent with id {@code agentId} and the shared test token, tracking its own JVM as the
   * process rule {@code nodelink-agent} so the Processes tab has something to show.
   */
  static AgentProcess start(String agentId) {
    return launch(
        agentId,
        List.of(
            "--agent-id",
            agentId,
            "-Dtrack.nodelink-agent.cmdline=nodelink-agent\\.jar.*" + agentId));
  }

  /** Starts the agent's simulator: {@code count} simulated agents with ids {@code prefix-<i>}. */
  static AgentProcess simulate(String prefix, int count) {
    return launch(prefix, List.of("--agent-id", prefix, "--simulate", String.valueOf(count)));
  }

  private static AgentProcess launch(String name, List<String> arguments) {
    assumeTrue(
        Files.isRegularFile(JAR),
        "The agent jar is missing at "
            + JAR.toAbsolutePath()
            + ": build the agent-jar module first");
    Path log = Paths.get("target", "agent-" + name + ".log");
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx96m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            JAR.toAbsolutePath().toString(),
            "--server",
            Server.HOST + ":" + Server.GRPC_PORT,
            "--agent-token",
            Server.SHARED_TOKEN));
    command.addAll(arguments);
    try {
      Files.createDirectories(log.getParent());
      return new AgentProcess(
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Stops the agent as an operator would (SIGTERM), forcibly if it does not go in time. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
