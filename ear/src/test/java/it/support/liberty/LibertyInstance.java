package it.support.liberty;

import static org.awaitility.Awaitility.await;

import it.support.Api;
import it.support.ApiResponse;
import it.support.TestFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An Open Liberty server of its own for tests that stop, restart or kill a server: a copy of the
 * build's server {@code nodelink} (the same runtime, configuration and EAR) on its own loopback
 * ports, started and stopped with Liberty's {@code bin/server} as an operator does, killed with
 * {@code kill -9} as a crash does. The test class that creates it owns it and closes it at the end,
 * which deletes the server; the logs of each run are kept in {@code
 * target/liberty-instances/<name>/run-<n>}.
 */
public final class LibertyInstance implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);

  /** Pids of the servers started here, killed if the test JVM ends with them still running. */
  private static final Set<Long> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    RUNNING.forEach(
                        pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly)),
                "kill-liberty-instances"));
  }

  private final String name;
  private final InstancePorts ports;
  private final ServerDirectory directory;
  private final ServerScript script;
  private final Map<String, String> env;
  private final Path savedLogs;
  private long pid = -1;
  private int runs;

  private LibertyInstance(String name, InstancePorts ports, Map<String, String> env) {
    Path template = BuildServer.directory();
    this.name = name;
    this.ports = ports;
    this.directory = new ServerDirectory(template, template.resolveSibling(name));
    this.savedLogs = Path.of("target", "liberty-instances", name);
    this.script =
        new ServerScript(BuildServer.runtime(), name, savedLogs.resolve("server-command.log"));
    this.env = new LinkedHashMap<>(env);
  }

  /**
   * Makes server {@code name} from the build's server, listening on {@code ports} of 127.0.0.1,
   * with {@code env} added to its environment (e.g. {@code NODELINK_DB_URL}); not started yet.
   */
  public static LibertyInstance create(String name, InstancePorts ports, Map<String, String> env) {
    LibertyInstance instance = new LibertyInstance(name, ports, env);
    TestFiles.deleteRecursively(instance.savedLogs);
    instance.directory.createFromTemplate();
    instance.writeEnv();
    return instance;
  }

  public String name() {
    return name;
  }

  public InstancePorts ports() {
    return ports;
  }

  /** Where agents connect: {@code 127.0.0.1:<grpc port>}. */
  public String grpcTarget() {
    return "127.0.0.1:" + ports.grpc();
  }

  /**
   * Starts the server and waits until {@code /health/ready} is UP; returns how long that took from
   * the start command.
   */
  public Duration start() {
    long begin = System.nanoTime();
    runs++;
    script.start();
    pid = directory.pid().orElseThrow(() -> failure("no pid file after server start"));
    RUNNING.add(pid);
    awaitReady();
    return Duration.ofNanos(System.nanoTime() - begin);
  }

  /** A graceful {@code server stop}: the application's shutdown runs to its end. */
  public void stop() {
    script.stop();
    forget();
  }

  /** {@code kill -9} of the server's JVM: no shutdown code runs at all. */
  public void kill9() {
    ProcessHandle process =
        ProcessHandle.of(pid).orElseThrow(() -> failure("no running server process " + pid));
    process.destroyForcibly();
    await(name + " (pid " + pid + ") to die").atMost(KILL_TIMEOUT).until(() -> !process.isAlive());
    directory.deletePidFile();
    forget();
  }

  public boolean isRunning() {
    return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** A URI on the API port. */
  public URI api(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + ports.http() + pathAndQuery);
  }

  /** A URI on the admin port. */
  public URI admin(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + ports.admin() + pathAndQuery);
  }

  public ApiResponse get(String pathAndQuery) {
    return Api.send("GET", api(pathAndQuery), null, Map.of());
  }

  /** POST with a JSON body. */
  public ApiResponse post(String pathAndQuery, String json) {
    return Api.send("POST", api(pathAndQuery), json, Map.of("Content-Type", "application/json"));
  }

  /** GET on the admin port. */
  public ApiResponse getAdmin(String pathAndQuery) {
    return Api.send("GET", admin(pathAndQuery), null, Map.of());
  }

  /** The last {@code lines} lines of {@code logs/messages.log}, for failure messages. */
  public String logTail(int lines) {
    Path log = directory.messagesLog();
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no " + log + ": " + e + ")";
    }
  }

  /**
   * The lines containing {@code fragment} (in any case) of every {@code messages*.log} of this
   * instance (a start renames the previous run's log), oldest run first, for failure messages.
   */
  public String logLines(String fragment) {
    Path logs = directory.messagesLog().getParent();
    try (var files = Files.list(logs)) {
      StringBuilder out = new StringBuilder();
      for (Path log :
          files
              .filter(f -> f.getFileName().toString().startsWith("messages"))
              .sorted(LibertyInstance::byRun)
              .toList()) {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          if (line.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT))) {
            out.append(log.getFileName()).append(": ").append(line).append('\n');
          }
        }
      }
      return out.toString();
    } catch (IOException e) {
      return "(no logs in " + logs + ": " + e + ")";
    }
  }

  /** messages_<date>.log names sort by date; the current messages.log is the newest. */
  private static int byRun(Path a, Path b) {
    String x = a.getFileName().toString();
    String y = b.getFileName().toString();
    if (x.equals("messages.log") || y.equals("messages.log")) {
      return Boolean.compare(x.equals("messages.log"), y.equals("messages.log"));
    }
    return x.compareTo(y);
  }

  /** Stops the server (kills it if it will not stop), keeps its logs and deletes it. */
  @Override
  public void close() {
    try {
      if (isRunning()) {
        stopOrKill();
      }
    } finally {
      // also when a start failed before there was a process to stop
      directory.saveLogs(savedLogs.resolve("run-" + runs));
      directory.delete();
    }
  }

  private void stopOrKill() {
    try {
      stop();
    } catch (RuntimeException e) {
      kill9();
    }
  }

  private void awaitReady() {
    try {
      await(name + " ready on " + admin("/health/ready"))
          .pollInterval(Duration.ofMillis(250))
          .atMost(READY_TIMEOUT)
          .ignoreExceptions()
          .until(() -> getAdmin("/health/ready").status() == 200);
    } catch (RuntimeException e) {
      throw new IllegalStateException(name + " not ready; messages.log ends:\n" + logTail(60), e);
    }
  }

  /** Liberty keeps only a few rotated logs: each run's are saved once it has ended. */
  private void forget() {
    RUNNING.remove(pid);
    pid = -1;
    directory.saveLogs(savedLogs.resolve("run-" + runs));
  }

  private void writeEnv() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("HTTP_HOST", "127.0.0.1");
    all.put("ADMIN_HOST", "127.0.0.1");
    all.put("HTTP_PORT", String.valueOf(ports.http()));
    all.put("ADMIN_PORT", String.valueOf(ports.admin()));
    // No HTTPS port: the build's server has the one the build was given.
    all.put("HTTPS_PORT", "-1");
    all.put("ADMIN_HTTPS_PORT", "-1");
    all.put("NODELINK_GRPC_HOST", "127.0.0.1");
    all.put("NODELINK_GRPC_PORT", String.valueOf(ports.grpc()));
    all.putAll(env);
    directory.writeEnv(all);
  }

  private IllegalStateException failure(String what) {
    return new IllegalStateException(name + ": " + what + "; messages.log ends:\n" + logTail(60));
  }

  /** For failure messages: the name, ports and pid while it runs. */
  @Override
  public String toString() {
    return "Liberty " + name + " " + ports + (isRunning() ? " pid " + pid : " (stopped)");
  }
}
