package it.support.tsdb;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Debian's single-node VictoriaMetrics on a loopback port, receiving remote-write. */
public final class VictoriaMetricsServer implements AutoCloseable {

  private final LocalBinary binary;
  private final PromQl promQl;

  private VictoriaMetricsServer(LocalBinary binary, int port) {
    this.binary = binary;
    this.promQl = new PromQl(port);
  }

  /** Skips the calling test when VictoriaMetrics is not installed. */
  public static void assumeInstalled() {
    LocalBinary.assumeInstalled("victoria-metrics", "victoria-metrics");
  }

  /** Starts an empty VictoriaMetrics; recent data is searchable at once (no latency offset). */
  public static VictoriaMetricsServer start(Path directory, int port) {
    Path binaryPath = LocalBinary.assumeInstalled("victoria-metrics", "victoria-metrics");
    Path data = directory.toAbsolutePath().resolve("data");
    LocalBinary binary =
        LocalBinary.fresh(
            binaryPath,
            List.of(
                "-storageDataPath=" + data,
                "-httpListenAddr=127.0.0.1:" + port,
                "-search.latencyOffset=0s",
                "-search.disableCache",
                "-loggerLevel=WARN"),
            data,
            URI.create("http://127.0.0.1:" + port + "/health"));
    binary.start();
    return new VictoriaMetricsServer(binary, port);
  }

  public PromQl promQl() {
    return promQl;
  }

  /**
   * The timestamps (ms) VictoriaMetrics holds for the series {@code selector} matches, from the raw
   * export (not subject to query-time deduplication or step alignment).
   */
  public List<Long> exportedTimestamps(String selector) {
    JsonNode line =
        promQl.getFirstLine(
            "/api/v1/export?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
    List<Long> timestamps = new java.util.ArrayList<>();
    if (line != null) {
      line.path("timestamps").forEach(t -> timestamps.add(t.asLong()));
    }
    return timestamps;
  }

  @Override
  public void close() {
    binary.close();
  }
}
