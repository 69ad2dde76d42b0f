package io.nodelink.metrics.agent.stream;

import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.MetricsResponse;
import io.nodelink.metrics.pb.TaskResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Snapshots measured while they could not be sent, oldest first, bounded by age and by bytes: a
 * snapshot older than {@code maxSeconds} before the newest, or beyond {@code maxBytes} in total, is
 * dropped from the old end, counted and logged. Thread-safe: the offline sampler fills it, the
 * session drains it.
 */
public final class SnapshotBuffer {
  private static final Logger LOG = Logger.getLogger(SnapshotBuffer.class.getName());

  /** Log a drop every this many, so a long outage does not flood the log. */
  private static final long LOG_EVERY = 100;

  private final long maxSeconds;
  private final long maxBytes;
  private final Deque<TaskResponse> entries = new ArrayDeque<>();
  private long bytes;
  private long dropped;

  /**
   * @param maxSeconds how far behind the newest snapshot the oldest may be (0 = keep nothing)
   * @param maxBytes serialized bytes kept at most (0 = keep nothing)
   */
  public SnapshotBuffer(long maxSeconds, long maxBytes) {
    this.maxSeconds = maxSeconds;
    this.maxBytes = maxBytes;
  }

  /** A buffer that keeps nothing (simulated agents, tests of the old behaviour). */
  public static SnapshotBuffer disabled() {
    return new SnapshotBuffer(0, 0);
  }

  /** False when the bounds keep nothing: the caller need not even sample. */
  public boolean enabled() {
    return maxSeconds > 0 && maxBytes > 0;
  }

  /**
   * The data message that carries a kept snapshot: the stream's task id, {@code IN_PROGRESS}, and
   * {@code buffered = true} on the snapshot, so the server stores it without showing it as live.
   */
  public static TaskResponse buffered(String agentId, String taskId, MetricsDataResponse data) {
    return TaskResponse.newBuilder()
        .setAgentId(agentId)
        .setTaskId(taskId)
        .setStatus(TaskResponse.Status.IN_PROGRESS)
        .setMetricsResponse(
            MetricsResponse.newBuilder().setMetricsData(data.toBuilder().setBuffered(true)))
        .build();
  }

  /**
   * Keeps {@code response} as the newest, then drops what falls outside the bounds. A disabled
   * buffer ignores it (callers check {@link #enabled()} and keep their own account).
   */
  public synchronized void add(TaskResponse response) {
    if (!enabled()) {
      return;
    }
    entries.addLast(response);
    bytes += response.getSerializedSize();
    long newest = timestamp(response);
    int before = entries.size();
    while (!entries.isEmpty()
        && (bytes > maxBytes || newest - timestamp(entries.peekFirst()) > maxSeconds)) {
      bytes -= entries.removeFirst().getSerializedSize();
    }
    countDropped(before - entries.size());
  }

  /** Takes the oldest snapshot, or null when empty. */
  public synchronized TaskResponse poll() {
    TaskResponse oldest = entries.pollFirst();
    if (oldest != null) {
      bytes -= oldest.getSerializedSize();
    }
    return oldest;
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Serialized bytes held. */
  public synchronized long bytes() {
    return bytes;
  }

  /** Snapshots dropped because they fell outside the bounds, since start. */
  public synchronized long dropped() {
    return dropped;
  }

  private void countDropped(int n) {
    if (n <= 0) {
      return;
    }
    long previous = dropped;
    dropped += n;
    if (previous == 0 || previous / LOG_EVERY != dropped / LOG_EVERY) {
      LOG.log(
          Level.WARNING,
          "server unreachable too long: dropped the oldest buffered snapshot(s), {0} so far"
              + " (buffer.max-seconds={1}, buffer.max-bytes={2})",
          new Object[] {dropped, maxSeconds, maxBytes});
    }
  }

  private static long timestamp(TaskResponse response) {
    return response.getMetricsResponse().getMetricsData().getTimestamp();
  }
}
