package io.nodelink.metrics.history.compact;

import java.util.Arrays;

/**
 * What one agent appended since a durable store last drained it, a snapshot per entry in arrival
 * order: one copy of the values per snapshot, and the names array of the agent's layout shared
 * while the agent keeps sending the same series. Draining it is one swap per agent, where a buffer
 * per series cost a visit, a lock and a copy of every series at every flush (most of a flush's time
 * at thousands of agents). Bounded together with every other agent's log by an {@link
 * UnflushedBudget}: over it the oldest half of this log goes, and the drain says which seconds it
 * let go of, so the store can take those points from its series instead.
 */
final class UnflushedLog {

  /** Array headers, the timestamp and the references of one entry. */
  private static final long ENTRY_OVERHEAD = 48;

  private final UnflushedBudget budget;

  private long[] timestamps = new long[8];
  private String[][] names = new String[8][];
  private double[][] values = new double[8][];
  private int size;
  private long newest = Long.MIN_VALUE;
  private long oldest = Long.MAX_VALUE;
  private long bytes;
  private long lostFrom = Long.MAX_VALUE;
  private long lostThrough = Long.MIN_VALUE;

  /**
   * What a drain hands over: the entries kept, and the seconds of the entries let go of since the
   * last drain ({@code lostFrom > lostThrough} when none were).
   */
  record Drained(UnflushedPoints points, long lostFrom, long lostThrough) {
    boolean lostAny() {
      return lostFrom <= lostThrough;
    }
  }

  UnflushedLog(UnflushedBudget budget) {
    this.budget = budget;
  }

  synchronized void add(long timestampSeconds, String series, double value) {
    add(timestampSeconds, new String[] {series}, new double[] {value});
  }

  /** Adds a snapshot; {@code entryNames} is shared between entries, never changed. */
  synchronized void add(long timestampSeconds, String[] entryNames, double[] entryValues) {
    if (size == timestamps.length) {
      timestamps = Arrays.copyOf(timestamps, size * 2);
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    timestamps[size] = timestampSeconds;
    names[size] = entryNames;
    values[size] = entryValues;
    size++;
    newest = Math.max(newest, timestampSeconds);
    oldest = Math.min(oldest, timestampSeconds);
    long entryBytes = entryBytes(entryValues);
    bytes += entryBytes;
    if (budget.take(entryBytes)) {
      dropOldestHalf();
    }
  }

  /** Half at a time, so a log that stays over the bound does not shift its arrays every add. */
  private void dropOldestHalf() {
    int gone = Math.max(1, size / 2);
    long goneBytes = 0;
    long goneValues = 0;
    for (int i = 0; i < gone; i++) {
      goneBytes += entryBytes(values[i]);
      goneValues += values[i].length;
      lostFrom = Math.min(lostFrom, timestamps[i]);
      lostThrough = Math.max(lostThrough, timestamps[i]);
    }
    int kept = size - gone;
    System.arraycopy(timestamps, gone, timestamps, 0, kept);
    System.arraycopy(names, gone, names, 0, kept);
    System.arraycopy(values, gone, values, 0, kept);
    Arrays.fill(names, kept, size, null);
    Arrays.fill(values, kept, size, null);
    size = kept;
    bytes -= goneBytes;
    budget.release(goneBytes);
    budget.shed(goneValues);
  }

  private static long entryBytes(double[] entryValues) {
    return ENTRY_OVERHEAD + 8L * entryValues.length;
  }

  /** The newest timestamp ever added, drained or not; {@code Long.MIN_VALUE} if none. */
  synchronized long newest() {
    return newest;
  }

  /** The oldest timestamp ever added, drained or not; {@code Long.MAX_VALUE} if none. */
  synchronized long oldest() {
    return oldest;
  }

  /** The entries since the last drain (null if none and none lost); the log starts empty again. */
  synchronized Drained drain() {
    if (size == 0 && lostFrom > lostThrough) {
      return null;
    }
    Drained drained =
        new Drained(
            new UnflushedPoints(
                Arrays.copyOf(timestamps, size),
                Arrays.copyOf(names, size),
                Arrays.copyOf(values, size)),
            lostFrom,
            lostThrough);
    Arrays.fill(names, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
    budget.release(bytes);
    bytes = 0;
    lostFrom = Long.MAX_VALUE;
    lostThrough = Long.MIN_VALUE;
    return drained;
  }
}
