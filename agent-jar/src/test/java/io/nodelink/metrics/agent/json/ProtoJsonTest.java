package io.nodelink.metrics.agent.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.SystemInfoResponse;
import org.junit.jupiter.api.Test;

class ProtoJsonTest {

  @Test
  void everyFieldIsPresentSnakeCaseWith64BitNumbersUnquoted() {
    MetricsDataResponse m =
        MetricsDataResponse.newBuilder()
            .setTimestamp(1_700_000_000L)
            .setCpu(
                CpuMetrics.newBuilder().setUsagePercent(12.5).addCoreUsage(3).addCoreUsage(4.25))
            .addDisks(
                DiskMetrics.newBuilder()
                    .setDevice("/dev/sda \"1\"")
                    .setTotalBytes(-1L) // uint64 max: must print as an unsigned number
                    .setReadBytesPerSec(9_007_199_254_740_993L))
            .setBuffered(true)
            .build();

    String json = ProtoJson.withAgentId("a1", m);

    assertThat(json)
        .startsWith(
            "{\"agent_id\":\"a1\",\"timestamp\":1700000000,\"cpu\":{\"usage_percent\":12.5,")
        .contains("\"core_usage\":[3,4.25]")
        .contains("\"temperature_celsius\":0")
        .contains("\"memory\":{\"total_bytes\":0,")
        .contains("\"swap_usage_percent\":0}")
        .contains("\"device\":\"/dev/sda \\\"1\\\"\"")
        .contains("\"total_bytes\":18446744073709551615")
        .contains("\"read_bytes_per_sec\":9007199254740993")
        .contains("\"network_interfaces\":[]")
        .contains("\"processes\":{\"total_processes\":0,")
        .contains("\"task_processes\":[]")
        .contains("\"load\":{\"load1\":0,\"load5\":0,\"load15\":0}")
        .endsWith(
            "\"collection\":{\"duration_ms\":0,\"failed_collectors\":[],\"unavailable_fields\":[]}}")
        .doesNotContain("buffered");
  }

  @Test
  void systemInfoHasTheContractsNestedShape() {
    String json = ProtoJson.withAgentId("a1", SystemInfoResponse.getDefaultInstance());
    assertThat(json)
        .contains("\"hardware\":{\"cpu\":{\"model\":\"\",\"cores\":0,")
        .contains("\"features\":[]")
        .contains(
            "\"software\":{\"os\":{\"name\":\"\",\"version\":\"\",\"kernel_version\":\"\",\"distribution\":\"\"}")
        .contains("\"packages\":[]")
        .contains("\"network_interfaces\":[]")
        .contains("\"timestamp\":0");
  }

  @Test
  void nonFiniteNumbersAndControlCharactersStayValidJson() {
    String json =
        ProtoJson.toJson(
            CpuMetrics.newBuilder().setUsagePercent(Double.NaN).setUserPercent(1e-7).build());
    assertThat(json).contains("\"usage_percent\":0,").contains("\"user_percent\":1.0E-7");
    StringBuilder b = new StringBuilder();
    ProtoJson.string(b, "a\u0001b\n");
    assertThat(b).hasToString("\"a\\u0001b\\n\"");
  }
}
