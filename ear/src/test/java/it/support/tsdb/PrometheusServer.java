package it.support.tsdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Prometheus on a loopback port: either scraping one target every second, or a
 * remote-write receiver only ({@code --web.enable-remote-write-receiver}).
 */
public final class PrometheusServer implements AutoCloseable {

  private final LocalBinary binary;
  private final PromQl promQl;

  private PrometheusServer(LocalBinary binary, int port) {
    this.binary = binary;
    this.promQl = new PromQl(port);
  }

  /** Skips the calling test when Prometheus is not installed. */
  public static void assumeInstalled() {
    LocalBinary.assumeInstalled("prometheus", "prometheus");
    LocalBinary.assumeInstalled("promtool", "prometheus");
  }

  /**
   * Starts an empty Prometheus that scrapes {@code /metrics/prometheus?agent_id=<agentId>} on
   * {@code target} (host:port) every second, keeping the labels the target sets ({@code
   * honor_labels}), signed in as the test viewer like a production Prometheus would be.
   */
  public static PrometheusServer scraping(Path directory, int port, String target, String agentId) {
    String config =
        """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
        scrape_configs:
          - job_name: nodelink
            honor_labels: true
            metrics_path: /metrics/prometheus
            basic_auth:
              username: '%s'
              password: '%s'
            params:
              agent_id: ['%s']
            static_configs:
              - targets: ['%s']
        """
            .formatted(
                it.support.Credentials.VIEWER.user(),
                it.support.Credentials.VIEWER.password(),
                agentId,
                target);
    return start(directory, port, config);
  }

  /** Starts an empty Prometheus that only receives remote-write on {@code /api/v1/write}. */
  public static PrometheusServer receiver(Path directory, int port) {
    return start(directory, port, "global:\n  scrape_interval: 15s\n");
  }

  private static PrometheusServer start(Path directory, int port, String config) {
    Path binaryPath = LocalBinary.assumeInstalled("prometheus", "prometheus");
    Path data = directory.toAbsolutePath().resolve("data");
    LocalBinary binary =
        LocalBinary.fresh(
            binaryPath,
            List.of(
                "--config.file=" + directory.toAbsolutePath().resolve("prometheus.yml"),
                "--storage.tsdb.path=" + data,
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-remote-write-receiver",
                "--log.level=warn"),
            data,
            URI.create("http://127.0.0.1:" + port + "/-/ready"));
    try {
      Files.writeString(directory.resolve("prometheus.yml"), config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    binary.start();
    return new PrometheusServer(binary, port);
  }

  public PromQl promQl() {
    return promQl;
  }

  /** Stops it, as an outage; {@link #restart} brings it back on the same data. */
  public void stop() {
    binary.stop();
  }

  public void restart() {
    binary.start();
  }

  @Override
  public void close() {
    binary.close();
  }
}
