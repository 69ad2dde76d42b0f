package it.support.liberty;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Liberty's own {@code bin/server} command on one server of a runtime, as an operator runs it. The
 * test JVM's {@code NODELINK_*} variables are removed so only the server's {@code server.env}
 * configures it.
 */
final class ServerScript {

  private static final long COMMAND_TIMEOUT_SECONDS = 180;

  private final Path wlp;
  private final String serverName;
  private final Path output;

  ServerScript(Path wlp, String serverName, Path output) {
    this.wlp = wlp;
    this.serverName = serverName;
    this.output = output;
  }

  /** {@code server start <name>}: returns once Liberty reports the server started (or failed). */
  void start() {
    run("start");
  }

  /** {@code server stop <name>}: a graceful stop, returns when the server has stopped. */
  void stop() {
    run("stop");
  }

  private void run(String action) {
    List<String> command = List.of(wlp.resolve("bin/server").toString(), action, serverName);
    try {
      Files.createDirectories(output.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().keySet().removeIf(name -> name.startsWith("NODELINK_"));
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      Process process = builder.start();
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            command + " did not return in " + COMMAND_TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            command + " exited with " + process.exitValue() + "; output in " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
  }
}
