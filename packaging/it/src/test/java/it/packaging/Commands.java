package it.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the machine's tools (dpkg, lintian, rpm, ansible-playbook) and captures their output. */
final class Commands {

  /** What a finished command left: its exit code and its standard output and error, merged. */
  record Result(int exitCode, String output) {

    /** This result, after asserting the command succeeded (its output in the message if not). */
    Result ok() {
      if (exitCode != 0) {
        throw new AssertionError("command failed with exit code " + exitCode + ":\n" + output);
      }
      return this;
    }
  }

  private Commands() {}

  /** Runs {@code command} and waits for it, at most {@code timeout}. */
  static Result run(Duration timeout, List<String> command) {
    return run(timeout, command, Map.of());
  }

  /** Runs {@code command} with {@code env} added to this JVM's environment. */
  static Result run(Duration timeout, List<String> command, Map<String, String> env) {
    try {
      Path out = Files.createTempFile("nodelink-cmd", ".log");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(out.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(command + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  /** Whether {@code tool} is an executable on the PATH. */
  static boolean available(String tool) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** Whether this JVM runs as root (package installs need it). */
  static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }
}
