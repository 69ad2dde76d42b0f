package io.nodelink.metrics.bench.load;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmark reads from the running server: its MicroProfile Metrics (admin port), the CPU
 * time of its JVM, its live heap after a full GC ({@code jcmd GC.class_histogram}, which collects
 * first and sums the live objects exactly) and the GC pauses its log recorded.
 */
final class ServerProbe {

  private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)");
  private static final Pattern PAUSE = Pattern.compile("Pause.*?([0-9]+\\.[0-9]+)ms");

  private final HttpClient http;
  private final URI admin;
  private final long pid;
  private final Path gcLog;

  ServerProbe(HttpClient http, URI admin, long pid, Path gcLog) {
    this.http = http;
    this.admin = admin;
    this.pid = pid;
    this.gcLog = gcLog;
  }

  /** Waits until {@code /health/ready} is UP (the gRPC port is bound). */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(admin.resolve("/health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new IllegalStateException("server not ready within " + timeout);
  }

  /** One value of the application metrics, e.g. {@code nodelink_snapshots_received_total}. */
  OptionalDouble metric(String name) throws IOException, InterruptedException {
    return metric(scrape("application"), name, null);
  }

  /** The application metrics in Prometheus text format. */
  String scrape(String scope) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(admin.resolve("/metrics?scope=" + scope))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET /metrics answered " + r.statusCode());
    }
    return r.body();
  }

  /**
   * The value of the first sample of {@code name} in a Prometheus text page whose labels contain
   * {@code label} (null = any).
   */
  static OptionalDouble metric(String page, String name, String label) {
    for (String line : page.split("\n")) {
      if (line.startsWith(name)
          && line.length() > name.length()
          && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')
          && (label == null || line.contains(label))) {
        String value = line.substring(line.lastIndexOf(' ') + 1).trim();
        try {
          return OptionalDouble.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
          return OptionalDouble.empty();
        }
      }
    }
    return OptionalDouble.empty();
  }

  /** CPU time the server JVM has used so far, in nanoseconds. */
  long cpuNanos() {
    return cpuNanos(pid);
  }

  /** CPU time a process has used so far, in nanoseconds ({@code /proc}, tick resolution). */
  static long cpuNanos(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(p -> p.info().totalCpuDuration())
        .map(Duration::toNanos)
        .orElse(0L);
  }

  /** Bytes of live objects after a full GC, from {@code jcmd <pid> GC.class_histogram}. */
  long liveHeapBytes(Path saveTo) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("jcmd GC.class_histogram failed: " + out.lines().findFirst());
    }
    if (saveTo != null) {
      Files.writeString(saveTo, out);
    }
    Matcher m = HISTOGRAM_TOTAL.matcher(out);
    if (!m.find()) {
      throw new IOException("no Total line in the class histogram");
    }
    return Long.parseLong(m.group(2));
  }

  /** Where the GC log ends now, to read the pauses of a window later. */
  long gcLogOffset() {
    try {
      return gcLog == null ? 0 : Files.size(gcLog);
    } catch (IOException e) {
      return 0;
    }
  }

  /** The GC pauses logged since {@code offset}: count, total and longest in milliseconds. */
  GcPauses pausesSince(long offset) throws IOException {
    if (gcLog == null || !Files.exists(gcLog)) {
      return new GcPauses(0, 0, 0);
    }
    String text;
    try (RandomAccessFile f = new RandomAccessFile(gcLog.toFile(), "r")) {
      long length = f.length();
      byte[] bytes = new byte[(int) Math.max(0, length - offset)];
      f.seek(Math.min(offset, length));
      f.readFully(bytes);
      text = new String(bytes, StandardCharsets.UTF_8);
    }
    return GcPauses.of(text.lines().toList());
  }

  /** GC pauses of a window. */
  record GcPauses(int count, double totalMillis, double maxMillis) {
    static GcPauses of(List<String> lines) {
      int count = 0;
      double total = 0;
      double max = 0;
      for (String line : lines) {
        Matcher m = PAUSE.matcher(line);
        if (m.find()) {
          double ms = Double.parseDouble(m.group(1));
          count++;
          total += ms;
          max = Math.max(max, ms);
        }
      }
      return new GcPauses(count, total, max);
    }
  }
}
