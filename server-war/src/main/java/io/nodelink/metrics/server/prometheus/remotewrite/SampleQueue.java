package io.nodelink.metrics.server.prometheus.remotewrite;

import io.nodelink.metrics.server.prometheus.AgentSamples;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One destination's samples waiting to be sent, whole snapshots in arrival order, bounded by the
 * number of samples: when full, the oldest snapshots make room (the newest data matters most after
 * a long outage). Thread-safe.
 */
final class SampleQueue {

  private final int maxSamples;
  private final Deque<AgentSamples> snapshots = new ArrayDeque<>();
  private int samples;

  SampleQueue(int maxSamples) {
    this.maxSamples = maxSamples;
  }

  /**
   * Adds a snapshot's samples.
   *
   * @return how many samples were dropped to make room (or this snapshot's, if it alone is too big)
   */
  synchronized int offer(AgentSamples snapshot) {
    int size = snapshot.samples().size();
    if (size > maxSamples) {
      return size;
    }
    int dropped = 0;
    while (samples + size > maxSamples) {
      AgentSamples oldest = snapshots.removeFirst();
      samples -= oldest.samples().size();
      dropped += oldest.samples().size();
    }
    snapshots.addLast(snapshot);
    samples += size;
    return dropped;
  }

  /** The oldest snapshots up to {@code maxSamples} samples (at least one), left in the queue. */
  synchronized List<AgentSamples> peek(int maxSamples) {
    List<AgentSamples> batch = new ArrayList<>();
    int taken = 0;
    for (AgentSamples snapshot : snapshots) {
      if (!batch.isEmpty() && taken + snapshot.samples().size() > maxSamples) {
        break;
      }
      batch.add(snapshot);
      taken += snapshot.samples().size();
    }
    return batch;
  }

  /**
   * Removes a batch that {@link #peek} returned, as far as it is still at the head (snapshots
   * dropped meanwhile to make room are gone already).
   */
  synchronized void remove(List<AgentSamples> batch) {
    for (AgentSamples snapshot : batch) {
      if (snapshots.peekFirst() == snapshot) {
        snapshots.removeFirst();
        samples -= snapshot.samples().size();
      }
    }
  }

  synchronized int samples() {
    return samples;
  }

  /** When the oldest waiting snapshot was taken, in ms; 0 when empty. */
  synchronized long oldestMillis() {
    AgentSamples oldest = snapshots.peekFirst();
    return oldest == null ? 0 : oldest.timestampMillis();
  }
}
