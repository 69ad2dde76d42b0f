package io.nodelink.metrics.bench.tsdb;

import io.nodelink.metrics.bench.store.ProcessCpu;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A TSDB binary installed from Debian, run as a child process on a fresh data directory with its
 * output in a log file beside it; its HTTP API on a loopback port and its CPU time from /proc.
 */
final class TsdbProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final String base;
  private final Path log;

  private TsdbProcess(Process process, int port, Path log) {
    this.process = process;
    this.base = "http://127.0.0.1:" + port;
    this.log = log;
  }

  /** The binary {@code /usr/bin/<name>}, or an explanation of how to install it. */
  static Path binary(String name, String debianPackage) {
    Path path = Path.of("/usr/bin", name);
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(
          path + " is not installed (apt-get install -y " + debianPackage + ")");
    }
    return path;
  }

  /** The installed version of a Debian package, or "" if unknown. */
  static String debianVersion(String debianPackage) {
    try {
      Process query =
          new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", debianPackage)
              .redirectErrorStream(true)
              .start();
      String version = new String(query.getInputStream().readAllBytes()).strip();
      return query.waitFor() == 0 ? version : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Starts {@code binary arguments} and waits until {@code readyPath} answers 200. */
  static TsdbProcess start(
      Path binary, List<String> arguments, int port, String readyPath, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(arguments);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    TsdbProcess tsdb = new TsdbProcess(process, port, log);
    tsdb.awaitReady(readyPath);
    return tsdb;
  }

  private void awaitReady(String readyPath) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (status("GET", readyPath) != 200) {
      if (!process.isAlive()) {
        throw new IllegalStateException(base + " exited at start; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(base + readyPath + " not ready in 60 s; see " + log);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
    }
  }

  URI uri(String path) {
    return URI.create(base + path);
  }

  /** User + system CPU time of the process so far. */
  long cpuNanos() {
    return ProcessCpu.treeNanos(process.pid());
  }

  /** The body of a request ({@code GET} or {@code POST} without a body); fails on non-2xx. */
  String call(String method, String path) {
    try {
      var response =
          HTTP.send(
              HttpRequest.newBuilder(uri(path))
                  .timeout(Duration.ofMinutes(10))
                  .method(method, HttpRequest.BodyPublishers.noBody())
                  .build(),
              BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private int status(String method, String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(uri(path))
                  .timeout(Duration.ofSeconds(5))
                  .method(method, HttpRequest.BodyPublishers.noBody())
                  .build(),
              BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The sum of every sample of the metric {@code name} in a Prometheus text exposition, or of those
   * whose labels contain {@code labelFilter} (empty: all).
   */
  static double sumOf(String exposition, String name, String labelFilter) {
    double sum = 0;
    for (String line : exposition.split("\n")) {
      boolean named = line.startsWith(name + " ") || line.startsWith(name + "{");
      if (named && line.contains(labelFilter)) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** SIGTERM, as a service stop, and wait (forcibly after 60 s). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
