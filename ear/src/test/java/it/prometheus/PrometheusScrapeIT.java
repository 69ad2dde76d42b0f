package it.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.agent.TestAgent;
import it.support.AgentProcess;
import it.support.Agents;
import it.support.Api;
import it.support.ApiResponse;
import it.support.Contract;
import it.support.ItConfig;
import it.support.tsdb.PromQl;
import it.support.tsdb.PrometheusServer;
import it.support.tsdb.TsdbPorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus scrapes {@code /metrics/prometheus} of the build's server every second while a
 * real agent streams every second; the PromQL agreements hold against the agent's own
 * numbers, and {@code promtool check metrics} accepts the exposition.
 */
class PrometheusScrapeIT {

  /** A rate over 1 m is only a rate over 1 m once Prometheus holds a minute of samples. */
  private static final Duration FULL_WINDOW = Duration.ofSeconds(64);

  private static AgentProcess agent;
  private static PrometheusServer prometheus;
  private static String id;

  @BeforeAll
  static void startAgentAndPrometheus() {
    PrometheusServer.assumeInstalled();
    AgentProcess.assumeAgentJar();
    id = TestAgent.uniqueId("prom-scrape");
    // Loopback too (the agent leaves "lo" out by default): the one interface with steady traffic
    // here, the agent's own stream and the scrapes.
    agent =
        AgentProcess.start(id, AgentProcess.SHARED_TOKEN, "--set", "network.exclude=no-such-nic");
    Agents.awaitOnline(id);
    Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"));
    prometheus =
        PrometheusServer.scraping(
            Path.of("target", "prometheus-scrape"),
            TsdbPorts.scrapingPrometheus(),
            "127.0.0.1:" + ItConfig.httpPort(),
            id);
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (agent != null) {
      Api.post("/agents/" + id + "/metrics/stop", null);
      agent.close();
    }
  }

  @Test
  void promtoolAcceptsTheExposition() throws IOException, InterruptedException {
    await("the agent's samples in the exposition")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> exposition("text/plain").body().contains("node_load1{"));
    ApiResponse text = exposition("text/plain");
    assertThat(text.contentType()).startsWith("text/plain").contains("version=0.0.4");

    Process promtool =
        new ProcessBuilder("/usr/bin/promtool", "check", "metrics")
            .redirectErrorStream(true)
            .start();
    promtool.getOutputStream().write(text.body().getBytes(StandardCharsets.UTF_8));
    promtool.getOutputStream().close();
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
    // 1 would be a parse error. 3 is lint only: node_exporter's own node_memory_*_bytes names
    // (which dashboards expect) break promtool's snake_case rule, and nothing else may.
    assertThat(promtool.exitValue()).as("promtool check metrics: %s", output).isIn(0, 3);
    assertThat(output.lines().filter(line -> !line.isBlank()))
        .allMatch(
            line ->
                line.matches(
                    "node_memory_\\w+ metric names should be written in 'snake_case' not"
                        + " 'camelCase'"),
            "only the camelCase lint of node_memory_* names");
  }

  @Test
  void openMetricsWhenTheScraperAsksForIt() {
    ApiResponse open = exposition("application/openmetrics-text; version=1.0.0");

    assertThat(open.contentType())
        .startsWith("application/openmetrics-text")
        .contains("version=1.0.0");
    assertThat(open.body()).contains("# TYPE node_cpu_seconds counter").endsWith("# EOF\n");
  }

  @Test
  void promQlRatesAgreeWithTheAgentsOwnRates() {
    PromQl promQl = prometheus.promQl();
    await("a minute of samples in Prometheus")
        .atMost(FULL_WINDOW.plusSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> spanMillis(promQl, nowSeconds()) >= FULL_WINDOW.toMillis() - 2_000);
    double at = nowSeconds() - 2; // every sample up to then has been scraped

    String bytes = "node_network_transmit_bytes_total{instance=\"" + id + "\",device=\"lo\"}";
    List<double[]> samples = promQl.samples(bytes + "[1m]", at);
    double promRate = promQl.scalar("rate(" + bytes + "[1m])", at);
    double agentRate =
        agentMean("network.lo.bytes_sent_per_sec", samples.get(0)[0], last(samples)[0]);
    assertThat(promRate).isCloseTo(agentRate, within(agentRate * 0.05));

    double busy =
        promQl.scalar(
            "1 - avg by (instance)(rate(node_cpu_seconds_total{instance=\""
                + id
                + "\",mode=\"idle\"}[1m]))",
            at);
    List<double[]> cpu =
        promQl.samples(
            "node_cpu_seconds_total{instance=\"" + id + "\",cpu=\"0\",mode=\"idle\"}[1m]", at);
    double usage = agentMean("cpu.usage_percent", cpu.get(0)[0], last(cpu)[0]) / 100;
    // node_exporter's idle excludes iowait, which the agent's usage_percent does not count as busy.
    double iowait = agentMean("cpu.iowait_percent", cpu.get(0)[0], last(cpu)[0]) / 100;
    assertThat(busy).isCloseTo(usage, within(0.02 + iowait));
  }

  @Test
  void nodeExporterNamesAndLabelsAreThere() {
    await("the uname info in Prometheus")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !prometheus
                    .promQl()
                    .query("node_uname_info{instance=\"" + id + "\"}", 0)
                    .isEmpty());
    PromQl promQl = prometheus.promQl();
    for (String metric :
        List.of(
            "node_load1",
            "node_memory_MemTotal_bytes",
            "node_memory_MemAvailable_bytes",
            "node_filesystem_size_bytes",
            "node_network_receive_bytes_total",
            "node_procs_running",
            "node_boot_time_seconds",
            "nodelink_agent_up",
            "nodelink_collection_duration_seconds")) {
      JsonNode result =
          promQl.query(metric + "{instance=\"" + id + "\",agent_id=\"" + id + "\"}", 0);
      assertThat(result).as(metric).isNotEmpty();
    }
    assertThat(promQl.scalar("nodelink_agent_up{instance=\"" + id + "\"}", 0)).isEqualTo(1);
  }

  /** How long the idle-CPU series of core 0 reaches back, in ms. */
  private static double spanMillis(PromQl promQl, double at) {
    List<double[]> samples =
        promQl.samples(
            "node_cpu_seconds_total{instance=\"" + id + "\",cpu=\"0\",mode=\"idle\"}[2m]", at);
    return samples.size() < 2 ? 0 : last(samples)[0] - samples.get(0)[0];
  }

  /**
   * The mean of the agent's own values of {@code series} that went into the counter between two
   * samples: its snapshots after the first sample's and up to the last's (whole seconds).
   */
  private static double agentMean(String series, double fromMillis, double toMillis) {
    long from = (long) Math.floor(fromMillis / 1000);
    long to = (long) Math.floor(toMillis / 1000);
    JsonNode points =
        Contract.assertOk(
                Api.get(
                    "/agents/"
                        + id
                        + "/metrics/history?metrics="
                        + series
                        + "&start="
                        + (from + 1)
                        + "&end="
                        + to
                        + "&max_points=1000"))
            .path("data_points");
    double sum = 0;
    int n = 0;
    for (JsonNode point : points) {
      JsonNode value = point.path("values").path(series);
      if (value.isNumber()) {
        sum += value.asDouble();
        n++;
      }
    }
    assertThat(n).as("agent points of %s", series).isGreaterThan(30);
    return sum / n;
  }

  private static ApiResponse exposition(String accept) {
    return Api.send(
        "GET", ItConfig.api("/metrics/prometheus?agent_id=" + id), null, Map.of("Accept", accept));
  }

  private static double[] last(List<double[]> samples) {
    return samples.get(samples.size() - 1);
  }

  private static double nowSeconds() {
    return System.currentTimeMillis() / 1000.0;
  }
}
