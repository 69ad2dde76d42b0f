package io.nodelink.metrics.server.prometheus.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.prometheus.AgentSamples;
import io.nodelink.metrics.server.prometheus.NodeExporterFamilies;
import io.nodelink.metrics.server.prometheus.Sample;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetSnapshotsTest {

  @Test
  void theTextFormatCarriesNodeExporterNamesAndTheSnapshotTime() throws IOException {
    String text = write("text/plain", true);

    assertThat(text)
        .contains("# TYPE node_network_receive_bytes_total counter")
        .contains(
            "node_network_receive_bytes_total{agent_id=\"a1\",device=\"eth0\",instance=\"a1\"}"
                + " 1234.0 1700000000123")
        .contains("node_load1{agent_id=\"a1\",instance=\"a1\"} 0.5 1700000000123")
        .contains("nodelink_agent_up{agent_id=\"a1\",instance=\"a1\"} 1.0\n");
  }

  @Test
  void openMetricsWhenAsked() throws IOException {
    ExpositionFormat format =
        ExpositionFormat.forAccept("application/openmetrics-text;version=1.0.0,text/plain;q=0.5");
    String text = write(format, true);

    assertThat(format.contentType()).startsWith("application/openmetrics-text; version=1.0.0");
    assertThat(text)
        .contains("# TYPE node_network_receive_bytes counter")
        .contains(
            "node_network_receive_bytes_total{agent_id=\"a1\",device=\"eth0\",instance=\"a1\"}"
                + " 1234.0 1700000000.123")
        .endsWith("# EOF\n");
  }

  @Test
  void anOfflineAgentIsOnlyDown() throws IOException {
    String text = write("text/plain", false);

    assertThat(text)
        .doesNotContain("node_load1")
        .contains("nodelink_agent_up{agent_id=\"a1\",instance=\"a1\"} 0.0");
  }

  private static String write(String accept, boolean connected) throws IOException {
    return write(ExpositionFormat.forAccept(accept), connected);
  }

  private static String write(ExpositionFormat format, boolean connected) throws IOException {
    Labels agent = Labels.of("instance", "a1", "agent_id", "a1");
    AgentSamples samples =
        new AgentSamples(
            "a1",
            1_700_000_000_123L,
            List.of(
                new Sample(NodeExporterFamilies.LOAD1, agent, 0.5),
                new Sample(NodeExporterFamilies.NET_RX_BYTES, agent.add("device", "eth0"), 1234)));
    FleetSnapshots fleet = new FleetSnapshots();
    fleet.add("a1", connected, samples);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    format.write(out, fleet.build());
    return out.toString(StandardCharsets.UTF_8);
  }
}
