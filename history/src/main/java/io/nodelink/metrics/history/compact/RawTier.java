package io.nodelink.metrics.history.compact;

import java.util.Arrays;

/**
 * The raw points of one series: sealed immutable chunks (ordered, non-overlapping), the open chunk
 * and the late points. Guarded by the owning {@link SeriesHistory}'s lock; the sealed chunk array
 * is replaced, never modified, so a snapshot of it can be decoded without the lock.
 */
final class RawTier {

  private static final RawChunk[] NO_CHUNKS = new RawChunk[0];

  private final int chunkSize;
  private final long window;
  private final long phase;
  private final SealedSink sink;
  private RawChunk[] sealed = NO_CHUNKS;
  private final OpenChunk open = new OpenChunk();
  private LatePoints late;
  private boolean hasPoints;
  private long newest;

  /**
   * A tier whose chunks never cross a multiple of {@code windowSeconds} shifted by {@code
   * phaseSeconds} (see {@link ChunkWindows}: the chunks of every series of an agent seal together,
   * and a durable store gets one chunk per series and window) and hold at most {@code chunkSize}
   * points; {@code sink} hears of every chunk sealed and every late point merged into a sealed
   * chunk.
   */
  RawTier(int chunkSize, long windowSeconds, long phaseSeconds, SealedSink sink) {
    this.chunkSize = chunkSize;
    this.window = windowSeconds;
    this.phase = phaseSeconds;
    this.sink = sink;
  }

  /**
   * Stores one point.
   *
   * @return true if the memory estimate may have changed
   */
  boolean append(long timestamp, double value) {
    if (!hasPoints || timestamp > newest) {
      boolean changed = !hasPoints;
      if (open.count() >= chunkSize
          || (!open.isEmpty() && windowOf(timestamp) != windowOf(open.first()))) {
        sealOpen();
        changed = true;
      }
      newest = timestamp;
      hasPoints = true;
      return open.append(timestamp, value) || changed;
    }
    if (late == null) {
      late = new LatePoints();
    }
    if (late.put(timestamp, value)) {
      mergeLate();
    }
    return true;
  }

  boolean isEmpty() {
    return !hasPoints;
  }

  private long windowOf(long timestamp) {
    return ChunkWindows.windowOf(timestamp, phase, window);
  }

  /**
   * Seals the open chunk if its window ended before {@code nowSeconds}: a series that stopped
   * receiving points would otherwise keep it open, and unsealed, forever.
   *
   * @return true if a chunk was sealed
   */
  boolean sealIfWindowEnded(long nowSeconds) {
    mergeLate();
    if (open.isEmpty() || (windowOf(open.first()) + 1) * window + phase > nowSeconds) {
      return false;
    }
    sealOpen();
    return true;
  }

  /**
   * The oldest timestamp not yet in a sealed chunk (open chunk or unmerged late points), or {@code
   * Long.MAX_VALUE}: everything older has been handed to the sink.
   */
  long oldestUnsealed() {
    long oldest = open.isEmpty() ? Long.MAX_VALUE : open.first();
    if (late != null && !late.isEmpty()) {
      oldest = Math.min(oldest, late.copy().first());
    }
    return oldest;
  }

  /** Raw points held, counting late points that may still replace a stored one. */
  int count() {
    int count = open.count() + (late == null ? 0 : late.size());
    for (RawChunk chunk : sealed) {
      count += chunk.count;
    }
    return count;
  }

  /** The exact number of distinct points (merges the late points first). */
  int exactCount() {
    mergeLate();
    return count();
  }

  /** What a query needs, copied so it can be decoded after the lock is released. */
  RawView view(long from, long to) {
    RawChunk[] chunks = sealed;
    RawChunk openCopy = !open.isEmpty() && open.last() >= from ? open.snapshot() : null;
    PointBuffer lateCopy = late == null || late.isEmpty() ? null : late.copy();
    return new RawView(chunks, openCopy, lateCopy);
  }

  /**
   * Removes every point older than {@code cutoff}, exactly (a chunk that straddles the cutoff is
   * re-encoded without its older part).
   *
   * @return the removed points, ascending
   */
  PointBuffer removeOlderThan(long cutoff) {
    mergeLate();
    PointBuffer removed = new PointBuffer();
    int whole = 0;
    while (whole < sealed.length && sealed[whole].last < cutoff) {
      sealed[whole].decodeAll(removed);
      whole++;
    }
    RawChunk[] kept = Arrays.copyOfRange(sealed, whole, sealed.length);
    if (kept.length > 0 && kept[0].first < cutoff) {
      kept[0] = keepFrom(kept[0], cutoff, removed);
    }
    sealed = kept;
    if (!open.isEmpty() && open.first() < cutoff) {
      PointBuffer points = new PointBuffer(open.count());
      open.snapshot().decodeAll(points);
      int split = points.indexAtOrAfter(cutoff);
      addAll(points, 0, split, removed);
      open.rebuild(points.slice(split, points.size));
    }
    hasPoints = sealed.length > 0 || !open.isEmpty();
    return removed;
  }

  private static RawChunk keepFrom(RawChunk chunk, long cutoff, PointBuffer removed) {
    PointBuffer points = new PointBuffer(chunk.count);
    chunk.decodeAll(points);
    int split = points.indexAtOrAfter(cutoff);
    addAll(points, 0, split, removed);
    return RawChunk.encode(points, split, points.size);
  }

  private static void addAll(PointBuffer from, int start, int end, PointBuffer to) {
    for (int i = start; i < end; i++) {
      to.add(from.timestamps[i], from.values[i]);
    }
  }

  /** The newest timestamp of each sealed chunk and its bytes, oldest first, for the budget. */
  void sealedChunks(ChunkSink sink) {
    for (RawChunk chunk : sealed) {
      sink.accept(chunk.last, chunk.bytes());
    }
  }

  /**
   * Removes whole sealed chunks whose newest point is older than {@code cutoff} (the budget's cheap
   * way: no re-encoding, the open chunk is never touched).
   *
   * @return the removed points, ascending
   */
  PointBuffer removeSealedOlderThan(long cutoff) {
    PointBuffer removed = new PointBuffer();
    int whole = 0;
    while (whole < sealed.length && sealed[whole].last < cutoff) {
      sealed[whole].decodeAll(removed);
      whole++;
    }
    if (whole > 0) {
      sealed = Arrays.copyOfRange(sealed, whole, sealed.length);
    }
    hasPoints = sealed.length > 0 || !open.isEmpty() || (late != null && !late.isEmpty());
    return removed;
  }

  /**
   * Packs the sealed chunks still in the streaming layout (see {@link RawChunk}); the maintenance
   * pass calls it, so the ingest thread that seals a chunk does not pay for measuring it.
   *
   * @return true if a chunk was replaced
   */
  boolean packSealed() {
    RawChunk[] copy = null;
    for (int i = 0; i < sealed.length; i++) {
      if (!sealed[i].isPacked()) {
        if (copy == null) {
          copy = sealed.clone();
        }
        copy[i] = sealed[i].packed();
      }
    }
    if (copy != null) {
      sealed = copy;
    }
    return copy != null;
  }

  long bytes() {
    long bytes = open.bytes() + 16 + 4L * sealed.length + (late == null ? 0 : late.bytes());
    for (RawChunk chunk : sealed) {
      bytes += chunk.bytes();
    }
    return bytes;
  }

  private void sealOpen() {
    mergeLate();
    if (open.isEmpty()) {
      return;
    }
    RawChunk chunk = open.snapshot();
    sealed = appended(sealed, chunk);
    open.reset();
    sink.sealed(chunk);
  }

  /** {@link #owner}: the open chunk. */
  private static final int OPEN = -1;

  /** {@link #owner}: no chunk holds the point's window; its late points become a chunk. */
  private static final int NEW_CHUNK = -2;

  /**
   * Merges the late points into the chunks of their windows (rewriting those chunks); points of a
   * window no chunk holds (older than what memory kept, or restored after newer points came) make a
   * chunk of their own, so no chunk ever crosses a window.
   */
  private void mergeLate() {
    if (late == null || late.isEmpty()) {
      return;
    }
    PointBuffer points = late.copy();
    late = null;
    int i = 0;
    while (i < points.size) {
      int owner = owner(points.timestamps[i]);
      long window = windowOf(points.timestamps[i]);
      int end = i + 1;
      while (end < points.size
          && owner(points.timestamps[end]) == owner
          && windowOf(points.timestamps[end]) == window) {
        end++;
      }
      mergeInto(owner, points.slice(i, end));
      i = end;
    }
    hasPoints = true;
  }

  /**
   * The chunk a late point goes to: the sealed chunk or the open chunk of its window next to it,
   * {@link #OPEN} or {@link #NEW_CHUNK}. A point between two chunks of its window goes to the
   * earlier one, so chunks never overlap.
   */
  private int owner(long timestamp) {
    if (!open.isEmpty() && timestamp >= open.first()) {
      return OPEN;
    }
    long window = windowOf(timestamp);
    int before = lastSealedStartingBy(timestamp);
    if (before >= 0 && windowOf(sealed[before].first) == window) {
      return before;
    }
    int next = before + 1;
    if (next < sealed.length) {
      return windowOf(sealed[next].first) == window ? next : NEW_CHUNK;
    }
    if (!open.isEmpty()) {
      return windowOf(open.first()) == window ? OPEN : NEW_CHUNK;
    }
    // Nothing newer is held: the point may start the open chunk.
    return OPEN;
  }

  /** The last sealed chunk whose first point is at or before {@code timestamp}, or -1. */
  private int lastSealedStartingBy(long timestamp) {
    int low = 0;
    int high = sealed.length - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (sealed[mid].first <= timestamp) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  private void mergeInto(int owner, PointBuffer points) {
    if (owner == OPEN) {
      PointBuffer current = new PointBuffer(open.count() + 1);
      if (!open.isEmpty()) {
        open.snapshot().decodeAll(current);
      }
      open.rebuild(PointBuffer.merge(current, points));
      newest = Math.max(newest, open.last());
      return;
    }
    RawChunk latePoints = RawChunk.encode(points, 0, points.size);
    sink.patched(latePoints);
    if (owner == NEW_CHUNK) {
      int at = lastSealedStartingBy(points.timestamps[0]) + 1;
      RawChunk[] copy = new RawChunk[sealed.length + 1];
      System.arraycopy(sealed, 0, copy, 0, at);
      copy[at] = latePoints;
      System.arraycopy(sealed, at, copy, at + 1, sealed.length - at);
      sealed = copy;
      return;
    }
    PointBuffer current = new PointBuffer(sealed[owner].count + points.size);
    sealed[owner].decodeAll(current);
    PointBuffer merged = PointBuffer.merge(current, points);
    RawChunk[] copy = sealed.clone();
    copy[owner] = RawChunk.encode(merged, 0, merged.size);
    sealed = copy;
  }

  private static RawChunk[] appended(RawChunk[] chunks, RawChunk chunk) {
    RawChunk[] copy = Arrays.copyOf(chunks, chunks.length + 1);
    copy[chunks.length] = chunk;
    return copy;
  }

  /** Hears of raw data that left the open chunk for good, to persist it. */
  interface SealedSink {
    SealedSink NONE =
        new SealedSink() {
          @Override
          public void sealed(RawChunk chunk) {}

          @Override
          public void patched(RawChunk latePoints) {}
        };

    /** A chunk was sealed: it will not change again except by patches. */
    void sealed(RawChunk chunk);

    /** Late points were merged into a sealed chunk; they come as a chunk of their own. */
    void patched(RawChunk latePoints);
  }

  /** Receives (newest timestamp, bytes) of a chunk. */
  @FunctionalInterface
  interface ChunkSink {
    void accept(long newest, long bytes);
  }
}
