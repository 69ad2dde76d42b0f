package it.support.tsdb;

import static org.awaitility.Awaitility.await;

import it.support.TestFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A server binary installed from Debian, run as a child process with its data in a directory of the
 * build and its output in a log file beside it; started again on the same data after a stop.
 */
final class LocalBinary implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path binary;
  private final List<String> arguments;
  private final Path log;
  private final URI readiness;
  private Process process;

  private LocalBinary(Path binary, List<String> arguments, Path log, URI readiness) {
    this.binary = binary;
    this.arguments = List.copyOf(arguments);
    this.log = log;
    this.readiness = readiness;
  }

  /** Skips the calling test when Debian's package is not installed (CI installs it). */
  static Path assumeInstalled(String binary, String debianPackage) {
    Path path = Path.of("/usr/bin", binary);
    Assumptions.assumeTrue(
        Files.isExecutable(path),
        binary
            + " test skipped: "
            + path
            + " is not installed (apt-get install -y "
            + debianPackage
            + "; .ci/run installs it)");
    return path;
  }

  /** A new, empty data directory {@code dataDirectory}; not started yet. */
  static LocalBinary fresh(Path binary, List<String> arguments, Path dataDirectory, URI readiness) {
    TestFiles.deleteRecursively(dataDirectory);
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LocalBinary(
        binary,
        arguments,
        dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log"),
        readiness);
  }

  /** Starts the process and waits until its readiness URL answers 200. */
  void start() {
    List<String> command = new java.util.ArrayList<>();
    command.add(binary.toString());
    command.addAll(arguments);
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    await(binary.getFileName() + " ready at " + readiness + " (log " + log + ")")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(this::ready);
  }

  private boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException(binary + " exited; see " + log);
    }
    try {
      return HTTP.send(HttpRequest.newBuilder(readiness).build(), BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGTERM and wait, forcibly after 30 s: the data stays for the next start. */
  void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  @Override
  public void close() {
    stop();
  }
}
