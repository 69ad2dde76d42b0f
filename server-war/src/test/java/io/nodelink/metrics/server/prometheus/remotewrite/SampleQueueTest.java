package io.nodelink.metrics.server.prometheus.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.prometheus.AgentSamples;
import io.nodelink.metrics.server.prometheus.NodeExporterFamilies;
import io.nodelink.metrics.server.prometheus.Sample;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class SampleQueueTest {

  @Test
  void aFullQueueDropsTheOldestSnapshots() {
    SampleQueue queue = new SampleQueue(10);
    AgentSamples first = snapshot(1, 4);
    queue.offer(first);
    queue.offer(snapshot(2, 4));

    assertThat(queue.offer(snapshot(3, 4))).isEqualTo(4);
    assertThat(queue.samples()).isEqualTo(8);
    assertThat(queue.oldestMillis()).isEqualTo(2);
  }

  @Test
  void peekTakesWholeSnapshotsUpToTheBatchSizeAndRemoveTakesThemOut() {
    SampleQueue queue = new SampleQueue(100);
    queue.offer(snapshot(1, 3));
    queue.offer(snapshot(2, 3));
    queue.offer(snapshot(3, 3));

    var batch = queue.peek(7);
    assertThat(batch).extracting(AgentSamples::timestampMillis).containsExactly(1L, 2L);
    queue.remove(batch);
    assertThat(queue.samples()).isEqualTo(3);
    assertThat(queue.peek(1)).extracting(AgentSamples::timestampMillis).containsExactly(3L);
  }

  static AgentSamples snapshot(long millis, int samples) {
    Sample sample =
        new Sample(NodeExporterFamilies.LOAD1, Labels.of("instance", "a", "agent_id", "a"), 1);
    return new AgentSamples("a", millis, Collections.nCopies(samples, sample));
  }
}
