package it.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodelink.metrics.testkit.agent.TestAgent;
import it.support.AgentProcess;
import it.support.Agents;
import it.support.Api;
import it.support.Contract;
import it.support.tsdb.PrometheusServer;
import it.support.tsdb.RemoteWriteQueues;
import it.support.tsdb.TsdbPorts;
import it.support.tsdb.VictoriaMetricsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Remote-write from the build's server (its destinations {@code itprom} and {@code itvm}, set in
 * ear/pom.xml) into a real Prometheus ({@code --web.enable-remote-write-receiver}) and a real
 * VictoriaMetrics, while a real agent streams every second; then a Prometheus outage of {@code
 * it.remote-write.outage-seconds} (default 20; the figure is 60) that the server's queue
 * bridges: afterwards Prometheus holds exactly the samples VictoriaMetrics (never down) holds.
 */
class RemoteWriteIT {

  private static final Duration OUTAGE =
      Duration.ofSeconds(Integer.getInteger("it.remote-write.outage-seconds", 20));

  private static AgentProcess agent;
  private static PrometheusServer prometheus;
  private static VictoriaMetricsServer victoria;
  private static String id;

  @BeforeAll
  static void start() {
    PrometheusServer.assumeInstalled();
    VictoriaMetricsServer.assumeInstalled();
    AgentProcess.assumeAgentJar();
    prometheus =
        PrometheusServer.receiver(
            Path.of("target", "remote-write-prometheus"), TsdbPorts.remoteWritePrometheus());
    victoria =
        VictoriaMetricsServer.start(
            Path.of("target", "remote-write-victoria"), TsdbPorts.remoteWriteVictoria());
    id = TestAgent.uniqueId("prom-rw");
    agent = AgentProcess.start(id, AgentProcess.SHARED_TOKEN);
    Agents.awaitOnline(id);
    Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"));
  }

  @AfterAll
  static void stop() {
    if (agent != null) {
      Api.post("/agents/" + id + "/metrics/stop", null);
      agent.close();
    }
    if (prometheus != null) {
      prometheus.close();
    }
    if (victoria != null) {
      victoria.close();
    }
  }

  @Test
  void samplesReachPrometheusAndVictoriaMetricsWithTheExpositionsNames() {
    String selector = "node_cpu_seconds_total{instance=\"" + id + "\",agent_id=\"" + id + "\"}";
    await("remote-written samples in Prometheus")
        .atMost(Duration.ofSeconds(60))
        .until(() -> !prometheus.promQl().query(selector, 0).isEmpty());
    await("remote-written samples in VictoriaMetrics")
        .atMost(Duration.ofSeconds(60))
        .until(() -> !victoria.promQl().query(selector, 0).isEmpty());
    assertThat(prometheus.promQl().query("node_uname_info{instance=\"" + id + "\"}", 0))
        .isNotEmpty();
  }

  @Test
  void aPrometheusOutageIsCaughtUpWithNoMissingSamples() {
    String series = "node_load1{instance=\"" + id + "\"}";
    await("the backlog of earlier tests delivered to both")
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                RemoteWriteQueues.queued("itprom") == 0
                    && RemoteWriteQueues.queued("itvm") == 0
                    && !prometheusTimes(series).isEmpty());
    double droppedBefore =
        RemoteWriteQueues.value("nodelink_remote_write_samples_dropped_total", "itprom");
    long outageStart = System.currentTimeMillis();

    prometheus.stop();
    await("the server holding " + OUTAGE.toSeconds() + " s of samples for the stopped Prometheus")
        .atMost(OUTAGE.plusSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                RemoteWriteQueues.value("nodelink_remote_write_lag_seconds", "itprom")
                    >= OUTAGE.toSeconds());
    prometheus.restart();
    await("the queue for Prometheus drained")
        .atMost(Duration.ofSeconds(60))
        .until(() -> RemoteWriteQueues.queued("itprom") == 0);
    long caughtUp = System.currentTimeMillis();

    long from = outageStart - 5_000;
    long to = caughtUp - 2_000;
    await("Prometheus holding every sample VictoriaMetrics holds from the outage")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(within(prometheusTimes(series), from, to))
                    .isEqualTo(within(victoria.exportedTimestamps(series), from, to)));
    List<Long> times = within(prometheusTimes(series), from, to);
    assertThat(times.size())
        .as("samples over the %d s outage", OUTAGE.toSeconds())
        .isGreaterThanOrEqualTo((int) ((to - from) / 1000 * 0.8));
    for (int i = 1; i < times.size(); i++) {
      assertThat(times.get(i) - times.get(i - 1)).as("gap at %d", times.get(i)).isLessThan(3_000);
    }
    assertThat(RemoteWriteQueues.value("nodelink_remote_write_samples_dropped_total", "itprom"))
        .isEqualTo(droppedBefore);
  }

  /** Every timestamp Prometheus holds for the series over the last 10 minutes. */
  private static List<Long> prometheusTimes(String series) {
    return prometheus.promQl().samples(series + "[10m]", 0).stream()
        .map(sample -> Math.round(sample[0]))
        .toList();
  }

  private static List<Long> within(List<Long> times, long from, long to) {
    return times.stream().filter(t -> t > from && t <= to).sorted().toList();
  }
}
