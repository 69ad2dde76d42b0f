package it.support;

import static org.awaitility.Awaitility.await;

import io.nodelink.metrics.testkit.agent.TestAgent;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real agent: {@code java -jar nodelink-agent.jar ...} in its own process, its output in {@code
 * target/agent-logs/<id>.log}. Every process started here is also killed when the test JVM exits,
 * so a failing test never leaves an agent behind.
 */
public final class AgentProcess implements AutoCloseable {

  /** The test Liberty accepts any agent id with this token ({@code *:shared-secret}). */
  public static final String SHARED_TOKEN = TestAgent.SHARED_TOKEN;

  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "kill-agents"));
  }

  private final String agentId;
  private final Process process;
  private final Path log;

  private AgentProcess(String agentId, Process process, Path log) {
    this.agentId = agentId;
    this.process = process;
    this.log = log;
    LIVE.add(process);
  }

  /** Skips the calling test when the build has not produced the agent jar. */
  public static Path assumeAgentJar() {
    Path jar = ItConfig.agentJar();
    Assumptions.assumeTrue(
        jar != null && Files.isRegularFile(jar),
        "real-agent test skipped: no agent jar at "
            + jar
            + " (build the agent-jar module first, e.g. ./mvnw -pl ear -am verify)");
    return jar;
  }

  /**
   * Starts an agent that connects to the test server as {@code agentId} with {@code token}; extra
   * arguments are appended to the command line.
   */
  public static AgentProcess start(String agentId, String token, String... extraArgs) {
    return launch("127.0.0.1:" + ItConfig.grpcPort(), agentId, "-Xmx64m", token, extraArgs);
  }

  /** As {@link #start}, connecting to {@code server} (host:port) instead of the test server. */
  public static AgentProcess startAt(
      String server, String agentId, String token, String... extraArgs) {
    return launch(server, agentId, "-Xmx64m", token, extraArgs);
  }

  /** Starts an agent named {@code <prefix>-<random>} with the shared token. */
  public static AgentProcess startWithSharedToken(String prefix, String... extraArgs) {
    String agentId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    return start(agentId, SHARED_TOKEN, extraArgs);
  }

  /**
   * Starts the agent's simulator: {@code count} agents with ids {@code prefix-<i>}, shared token.
   */
  public static AgentProcess simulate(String prefix, int count) {
    return launch(
        "127.0.0.1:" + ItConfig.grpcPort(),
        prefix,
        "-Xmx96m",
        SHARED_TOKEN,
        "--simulate",
        String.valueOf(count));
  }

  private static AgentProcess launch(
      String server, String agentId, String heap, String token, String... extraArgs) {
    Path jar = assumeAgentJar();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(
        List.of(
            "--server", server,
            "--agent-id", agentId,
            "--agent-token", token));
    command.addAll(List.of(extraArgs));
    try {
      Path logs = Files.createDirectories(Path.of("target", "agent-logs"));
      Path log = logs.resolve(agentId + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      // The agent must not pick up a developer's environment or /etc config by accident.
      builder.environment().keySet().removeIf(name -> name.startsWith("NODELINK_"));
      return new AgentProcess(agentId, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start agent " + command, e);
    }
  }

  public String agentId() {
    return agentId;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** kill -9: the agent gets no chance to say goodbye. */
  public void kill9() {
    process.destroyForcibly();
    awaitExit();
  }

  /** SIGTERM, as a service manager stops it. */
  public void terminate() {
    process.destroy();
    awaitExit();
  }

  /** Waits for the process to end by itself (for one-shot modes) and returns its exit code. */
  public int awaitExitCode() {
    awaitExit();
    return process.exitValue();
  }

  /** What the agent printed so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  private void awaitExit() {
    await("agent " + agentId + " (pid " + process.pid() + ") to exit")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> !process.isAlive());
    LIVE.remove(process);
  }

  /** Stops the agent as an operator would (SIGTERM), forcibly if it does not go in 10 s. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (process.waitFor(10, TimeUnit.SECONDS)) {
          LIVE.remove(process);
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    LIVE.remove(process);
  }
}
