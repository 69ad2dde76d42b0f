package io.nodelink.metrics.bench.tsdb;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Prometheus as a remote-write receiver only (no scrapes, so nothing but the pushed
 * samples is stored). Its head keeps the last hours in memory, on disk as the WAL and memory-mapped
 * head chunks; a block is cut only once the head spans 3 h, so after an hour of data its footprint
 * is measured twice: as written, and as the block the admin API's snapshot compacts the head into.
 */
final class PrometheusTsdb implements Tsdb {

  private static final Pattern SNAPSHOT_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

  private final TsdbProcess process;
  private final Path data;

  private PrometheusTsdb(TsdbProcess process, Path data) {
    this.process = process;
    this.data = data;
  }

  static PrometheusTsdb start(Path dir, int port) throws IOException {
    Path binary = TsdbProcess.binary("prometheus", "prometheus");
    Directories.delete(dir);
    Files.createDirectories(dir);
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, "global:\n  scrape_interval: 15s\n");
    Path data = dir.resolve("data");
    TsdbProcess process =
        TsdbProcess.start(
            binary,
            List.of(
                "--config.file=" + config,
                "--storage.tsdb.path=" + data,
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-remote-write-receiver",
                "--web.enable-admin-api",
                "--log.level=warn"),
            port,
            "/-/ready",
            dir.resolve("prometheus.log"));
    return new PrometheusTsdb(process, data);
  }

  @Override
  public String name() {
    return "Prometheus " + TsdbProcess.debianVersion("prometheus");
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
    return (long) TsdbProcess.sumOf(metrics, "prometheus_tsdb_head_samples_appended_total", "");
  }

  @Override
  public List<Footprint> footprints() {
    long asWritten = Directories.size(data);
    String answer = process.call("POST", "/api/v1/admin/tsdb/snapshot");
    Matcher name = SNAPSHOT_NAME.matcher(answer);
    if (!name.find()) {
      throw new IllegalStateException("unexpected snapshot answer: " + answer);
    }
    long block = Directories.size(data.resolve("snapshots").resolve(name.group(1)));
    return List.of(
        new Footprint(
            "as written: WAL "
                + Directories.mib(Directories.size(data.resolve("wal")))
                + " + head chunks "
                + Directories.mib(Directories.size(data.resolve("chunks_head")))
                + " + blocks",
            asWritten),
        new Footprint("head compacted into a block (admin API snapshot)", block));
  }

  @Override
  public void close() {
    process.close();
  }
}
