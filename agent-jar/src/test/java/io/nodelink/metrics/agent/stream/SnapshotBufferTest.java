package io.nodelink.metrics.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.TaskResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotBufferTest {

  private static TaskResponse at(long timestamp) {
    return SnapshotBuffer.buffered(
        "a1",
        "T1",
        MetricsDataResponse.newBuilder()
            .setTimestamp(timestamp)
            .setCpu(CpuMetrics.newBuilder().setUsagePercent(timestamp))
            .build());
  }

  private static List<Long> drain(SnapshotBuffer buffer) {
    List<Long> out = new ArrayList<>();
    for (TaskResponse r = buffer.poll(); r != null; r = buffer.poll()) {
      out.add(r.getMetricsResponse().getMetricsData().getTimestamp());
    }
    return out;
  }

  @Test
  void keptSnapshotsAreMarkedBufferedAndComeBackOldestFirst() {
    SnapshotBuffer buffer = new SnapshotBuffer(600, 1 << 20);
    for (long t = 100; t < 105; t++) {
      buffer.add(at(t));
    }
    TaskResponse first = buffer.poll();
    assertThat(first.getTaskId()).isEqualTo("T1");
    assertThat(first.getAgentId()).isEqualTo("a1");
    assertThat(first.getStatus()).isEqualTo(TaskResponse.Status.IN_PROGRESS);
    assertThat(first.getIsFinal()).isFalse();
    assertThat(first.getMetricsResponse().getMetricsData().getBuffered()).isTrue();
    assertThat(first.getMetricsResponse().getMetricsData().getCpu().getUsagePercent())
        .isEqualTo(100);
    assertThat(drain(buffer)).containsExactly(101L, 102L, 103L, 104L);
    assertThat(buffer.isEmpty()).isTrue();
    assertThat(buffer.bytes()).isZero();
    assertThat(buffer.dropped()).isZero();
  }

  @Test
  void snapshotsOlderThanMaxSecondsBeforeTheNewestAreDroppedAndCounted() {
    SnapshotBuffer buffer = new SnapshotBuffer(10, 1 << 20);
    for (long t = 1000; t <= 1020; t++) {
      buffer.add(at(t));
    }
    assertThat(buffer.size()).isEqualTo(11);
    assertThat(buffer.dropped()).isEqualTo(10);
    assertThat(drain(buffer)).first().isEqualTo(1010L);
  }

  @Test
  void theByteBoundDropsTheOldestAndTheHeldBytesAreExact() {
    long one = at(1000).getSerializedSize();
    SnapshotBuffer buffer = new SnapshotBuffer(600, one * 3);
    for (long t = 1000; t < 1005; t++) {
      buffer.add(at(t));
    }
    assertThat(buffer.size()).isEqualTo(3);
    assertThat(buffer.bytes()).isEqualTo(one * 3);
    assertThat(buffer.dropped()).isEqualTo(2);
    assertThat(drain(buffer)).containsExactly(1002L, 1003L, 1004L);
  }

  @Test
  void aDisabledBufferKeepsNothing() {
    SnapshotBuffer buffer = SnapshotBuffer.disabled();
    buffer.add(at(1));
    assertThat(buffer.enabled()).isFalse();
    assertThat(buffer.isEmpty()).isTrue();
    assertThat(new SnapshotBuffer(0, 100).enabled()).isFalse();
    assertThat(new SnapshotBuffer(100, 0).enabled()).isFalse();
  }
}
