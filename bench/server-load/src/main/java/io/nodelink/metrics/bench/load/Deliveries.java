package io.nodelink.metrics.bench.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Matches snapshots sent by watched simulated agents with their SSE receipts. A snapshot is known
 * by (agent, {@code timestamp} second): a simulated agent at 1 s sends one per second. Only
 * snapshots sent inside the measuring window count; each is expected once at every SSE client its
 * agent had when it was sent. Two sends of one agent in the same second (a schedule slipping across
 * a second boundary) cannot be told apart on receipt: they count as delivered but give no latency
 * sample.
 */
public final class Deliveries {

  /** Seconds of sends remembered per agent; receipts later than this count as missing. */
  static final int RING = 256;

  private final Watched[] agents;
  private final Recorder latencyMicros = new Recorder(3);
  private final LongAdder sent = new LongAdder();
  private final LongAdder expected = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder ambiguous = new LongAdder();
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;

  /**
   * @param agentCount simulated agents, indexed 0..agentCount-1
   */
  public Deliveries(int agentCount) {
    this.agents = new Watched[agentCount];
  }

  /** Starts tracking an agent's sends; call before it streams. */
  public void watch(int agent) {
    if (agents[agent] == null) {
      agents[agent] = new Watched();
    }
  }

  public boolean isWatched(int agent) {
    return agents[agent] != null;
  }

  /** One more SSE client listens to {@code agent} (its connection is established). */
  public void clientJoined(int agent) {
    agents[agent].clients(+1);
  }

  /** An SSE client of {@code agent} is gone. */
  public void clientLeft(int agent) {
    agents[agent].clients(-1);
  }

  /** Counts sends of every agent and remembers those of watched agents. */
  public void sent(int agent, long timestampSeconds, long nanos) {
    sent.increment();
    Watched w = agents[agent];
    if (w != null) {
      boolean inWindow = nanos >= windowStart && nanos < windowEnd;
      int clients = w.sent(timestampSeconds, nanos, inWindow);
      if (inWindow) {
        expected.add(clients);
      }
    }
  }

  /** An SSE client received the snapshot of {@code agent} with {@code timestampSeconds}. */
  public void received(int agent, long timestampSeconds, long nanos) {
    Watched w = agents[agent];
    if (w == null) {
      return;
    }
    long sentNanos = w.sentNanosInWindow(timestampSeconds);
    if (sentNanos == Watched.NOT_IN_WINDOW) {
      return;
    }
    delivered.increment();
    if (sentNanos == Watched.AMBIGUOUS) {
      ambiguous.increment();
      return;
    }
    latencyMicros.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos - sentNanos)));
  }

  /** Opens the measuring window now; latency recorded before is discarded. */
  public void openWindow(long nanos) {
    latencyMicros.reset();
    expected.reset();
    delivered.reset();
    ambiguous.reset();
    windowEnd = Long.MAX_VALUE;
    windowStart = nanos;
  }

  /** Sends from now on no longer count (their receipts may still arrive). */
  public void closeWindow(long nanos) {
    windowEnd = nanos;
  }

  /** Every send so far, watched or not. */
  public long sentCount() {
    return sent.sum();
  }

  /** Deliveries expected for sends in the window: sends × clients listening at the time. */
  public long expectedCount() {
    return expected.sum();
  }

  public long deliveredCount() {
    return delivered.sum();
  }

  public long ambiguousCount() {
    return ambiguous.sum();
  }

  /** The latency samples (microseconds) recorded since the window opened. */
  public Histogram latency() {
    return latencyMicros.getIntervalHistogram();
  }

  /** The recent sends of one watched agent, one slot per timestamp second. */
  private static final class Watched {
    static final long NOT_IN_WINDOW = -1;
    static final long AMBIGUOUS = -2;

    private final long[] timestamps = new long[RING];
    private final long[] sentNanos = new long[RING];
    private final byte[] sends = new byte[RING];
    private final boolean[] inWindow = new boolean[RING];
    private int clients;

    Watched() {
      java.util.Arrays.fill(timestamps, -1);
    }

    synchronized void clients(int delta) {
      clients += delta;
    }

    /** Remembers a send; returns the clients that should receive it. */
    synchronized int sent(long ts, long nanos, boolean window) {
      int slot = slot(ts);
      if (timestamps[slot] == ts) {
        sends[slot]++;
      } else {
        timestamps[slot] = ts;
        sentNanos[slot] = nanos;
        sends[slot] = 1;
        inWindow[slot] = window;
      }
      return clients;
    }

    synchronized long sentNanosInWindow(long ts) {
      int slot = slot(ts);
      if (timestamps[slot] != ts || !inWindow[slot]) {
        return NOT_IN_WINDOW;
      }
      return sends[slot] > 1 ? AMBIGUOUS : sentNanos[slot];
    }

    private static int slot(long ts) {
      return (int) Math.floorMod(ts, (long) RING);
    }
  }
}
