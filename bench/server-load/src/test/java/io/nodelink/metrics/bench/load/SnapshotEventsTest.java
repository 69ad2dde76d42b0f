package io.nodelink.metrics.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnapshotEventsTest {

  @Test
  void picksAgentAndTimestampFromMetricsEventsOnly() {
    SnapshotEvents events = new SnapshotEvents();
    assertThat(events.line(": keepalive")).isNull();
    assertThat(events.line("event: status")).isNull();
    assertThat(events.line("data: {\"agent_id\":\"bench-3\",\"connected\":false}")).isNull();
    assertThat(events.line("")).isNull();
    assertThat(events.line("event: metrics")).isNull();
    SnapshotEvents.Snapshot s =
        events.line(
            "data: {\"agent_id\":\"bench-42\",\"collection\":{\"duration_ms\":0.05},"
                + "\"cpu\":{\"usage_percent\":3.5},\"timestamp\":1790000123,\"load\":{}}");
    assertThat(s).isEqualTo(new SnapshotEvents.Snapshot("bench-42", 1790000123L));
  }

  @Test
  void malformedDataGivesNothing() {
    assertThat(SnapshotEvents.parse("data: {\"agent_id\":\"x\"}")).isNull();
    assertThat(SnapshotEvents.parse("data: {\"timestamp\":5}")).isNull();
  }

  @Test
  void agentIndexComesFromTheSimulatorsIds() {
    assertThat(Scenario.index("bench-0")).isZero();
    assertThat(Scenario.index("bench-9999")).isEqualTo(9999);
  }
}
