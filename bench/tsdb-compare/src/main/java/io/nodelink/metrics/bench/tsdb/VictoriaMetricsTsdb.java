package io.nodelink.metrics.bench.tsdb;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Debian's single-node VictoriaMetrics receiving remote-write. Its footprint is measured after
 * {@code /internal/force_flush} (buffered rows made searchable) and {@code /internal/force_merge}
 * (every partition merged, in the background: finished when no force merge is active and the
 * directory's size stopped changing), and again once stopped.
 */
final class VictoriaMetricsTsdb implements Tsdb {

  private final TsdbProcess process;
  private final Path data;

  private VictoriaMetricsTsdb(TsdbProcess process, Path data) {
    this.process = process;
    this.data = data;
  }

  static VictoriaMetricsTsdb start(Path dir, int port) throws IOException {
    Path binary = TsdbProcess.binary("victoria-metrics", "victoria-metrics");
    Directories.delete(dir);
    Files.createDirectories(dir);
    Path data = dir.resolve("data");
    TsdbProcess process =
        TsdbProcess.start(
            binary,
            List.of(
                "-storageDataPath=" + data,
                "-httpListenAddr=127.0.0.1:" + port,
                "-loggerLevel=WARN"),
            port,
            "/health",
            dir.resolve("victoria-metrics.log"));
    return new VictoriaMetricsTsdb(process, data);
  }

  /** Debian's build reports no version in its metrics: the package's. */
  @Override
  public String name() {
    return "VictoriaMetrics " + TsdbProcess.debianVersion("victoria-metrics");
  }

  @Override
  public URI writeUrl() {
    return process.uri("/api/v1/write");
  }

  @Override
  public long cpuNanos() {
    return process.cpuNanos();
  }

  @Override
  public long samplesIngested() {
    String metrics = process.call("GET", "/metrics");
    return (long) TsdbProcess.sumOf(metrics, "vm_rows_inserted_total", "type=\"promremotewrite\"");
  }

  /** Flushed and merged while running; then stopped, which writes what memory still held. */
  @Override
  public List<Footprint> footprints() {
    process.call("GET", "/internal/force_flush");
    process.call("GET", "/internal/force_merge");
    awaitMergesDone();
    long merged = Directories.size(data);
    process.close();
    long cache = Directories.size(data.resolve("cache"));
    return List.of(
        new Footprint("after /internal/force_flush and /internal/force_merge", merged),
        new Footprint(
            "stopped: data "
                + Directories.mib(Directories.size(data.resolve("data")))
                + " + indexdb "
                + Directories.mib(Directories.size(data.resolve("indexdb")))
                + ", without the caches it saves ("
                + Directories.mib(cache)
                + ")",
            Directories.size(data) - cache));
  }

  private void awaitMergesDone() {
    long previous = -1;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
    while (System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
      long size = Directories.size(data);
      double active =
          TsdbProcess.sumOf(process.call("GET", "/metrics"), "vm_active_force_merges", "");
      if (active == 0 && size == previous) {
        return;
      }
      previous = size;
    }
    throw new IllegalStateException("VictoriaMetrics' force merge did not finish in 30 min");
  }

  @Override
  public void close() {
    process.close();
  }
}
