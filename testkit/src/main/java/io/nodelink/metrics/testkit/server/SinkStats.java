package io.nodelink.metrics.testkit.server;

import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.testkit.protocol.AgentHeaders;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of a fake agent server: agents connected, snapshots received and, when snapshots carry the
 * simulator's send time ({@link AgentHeaders#SENT_AT_FIELD}), send-to-receipt latency.
 */
public final class SinkStats {
  private final AtomicInteger agents = new AtomicInteger();
  private final LongAdder snapshots = new LongAdder();
  private final LongAdder latencySumMillis = new LongAdder();
  private final LongAdder latencyCount = new LongAdder();
  private final AtomicLong latencyMaxMillis = new AtomicLong();

  void agentConnected() {
    agents.incrementAndGet();
  }

  void agentLeft() {
    agents.decrementAndGet();
  }

  void received(TaskResponse response) {
    if (!response.getMetricsResponse().hasMetricsData()) {
      return;
    }
    snapshots.increment();
    List<Long> sentAt =
        response
            .getMetricsResponse()
            .getMetricsData()
            .getUnknownFields()
            .getField(AgentHeaders.SENT_AT_FIELD)
            .getVarintList();
    if (!sentAt.isEmpty()) {
      long latency = System.currentTimeMillis() - sentAt.get(0);
      latencySumMillis.add(latency);
      latencyCount.increment();
      latencyMaxMillis.accumulateAndGet(latency, Math::max);
    }
  }

  /** Agents with an open stream now. */
  public int agentsConnected() {
    return agents.get();
  }

  /** Data messages received so far. */
  public long snapshotsReceived() {
    return snapshots.sum();
  }

  /**
   * One line: "sink: N agents connected, M snapshots received[, send->receipt latency mean X ms max
   * Y ms]" ({@code bench/agent-overhead.sh} reads the snapshot count from it).
   */
  public String report() {
    long n = latencyCount.sum();
    String latency =
        n == 0
            ? ""
            : String.format(
                ", send->receipt latency mean %.1f ms max %d ms",
                latencySumMillis.sum() / (double) n, latencyMaxMillis.get());
    return String.format(
        "sink: %d agents connected, %d snapshots received%s",
        agents.get(), snapshots.sum(), latency);
  }
}
