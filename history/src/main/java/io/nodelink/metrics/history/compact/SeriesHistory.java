package io.nodelink.metrics.history.compact;

/**
 * Everything stored for one series of one agent: its raw and coarse tiers behind one lock (the
 * series' own monitor, so appends to different series never contend), and its share of the store's
 * memory estimate.
 */
final class SeriesHistory {

  /** Result of {@link #append}: the series was removed meanwhile, the caller must look again. */
  static final int REMOVED = -1;

  /** Result of {@link #append}: stored, memory estimate unchanged. */
  static final int STORED = 0;

  /** Result of {@link #append}: stored and the memory estimate grew or shrank. */
  static final int RESIZED = 1;

  /** Object headers, fields, the map entry: what a series costs before its first point. */
  private static final long FIXED_BYTES = 200;

  private final String name;
  private final AgentHistory agent;
  private final MemoryAccount memory;
  private final RawTier raw;
  private final CoarseTier coarse;
  private long bytes;
  private boolean removed;

  SeriesHistory(
      String name,
      AgentHistory agent,
      HistorySettings settings,
      MemoryAccount memory,
      ChunkListener listener) {
    this.name = name;
    this.agent = agent;
    this.memory = memory;
    this.raw =
        new RawTier(
            settings.chunkSize(),
            settings.chunkWindow().toSeconds(),
            agent.windowPhase(),
            listener == ChunkListener.NONE ? RawTier.SealedSink.NONE : sinkFor(listener));
    long width = settings.coarseSeconds();
    int chunkBuckets = (int) Math.max(8, Math.min(120, 3600 / width));
    this.coarse = new CoarseTier(width, chunkBuckets);
  }

  private RawTier.SealedSink sinkFor(ChunkListener listener) {
    return new RawTier.SealedSink() {
      @Override
      public void sealed(RawChunk chunk) {
        listener.sealed(agent.id(), name, chunk.toEncoded());
      }

      @Override
      public void patched(RawChunk latePoints) {
        listener.sealed(agent.id(), name, latePoints.toEncoded());
      }
    };
  }

  String name() {
    return name;
  }

  /** Stores a point; see {@link #REMOVED}, {@link #STORED}, {@link #RESIZED}. */
  synchronized int append(long timestamp, double value) {
    if (removed || agent.isRemoved()) {
      return REMOVED;
    }
    if (raw.append(timestamp, value)) {
      return refreshBytes() ? RESIZED : STORED;
    }
    return STORED;
  }

  /** See {@link RawTier#sealIfWindowEnded}. */
  synchronized void sealIfWindowEnded(long nowSeconds) {
    if (!removed && raw.sealIfWindowEnded(nowSeconds)) {
      refreshBytes();
    }
  }

  /** See {@link RawTier#oldestUnsealed}. */
  synchronized long oldestUnsealed() {
    return removed ? Long.MAX_VALUE : raw.oldestUnsealed();
  }

  /** A copy of what a query over {@code [from, to]} reads; decode it without the lock. */
  synchronized SeriesView view(long from, long to) {
    return new SeriesView(name, raw.view(from, to), coarse.view());
  }

  /**
   * Moves raw points older than {@code rawCutoff} into the coarse tier and drops coarse buckets
   * older than {@code coarseCutoff}.
   */
  synchronized void evict(long rawCutoff, long coarseCutoff, MaintenanceCounts report) {
    if (removed) {
      return;
    }
    PointBuffer old = raw.removeOlderThan(rawCutoff);
    memory.rawRemovedThrough(old);
    coarse.addPoints(old);
    report.rolledUp(old.size);
    report.droppedBuckets(coarse.removeOlderThan(coarseCutoff));
    raw.packSealed();
    afterRemoval();
  }

  /** The budget's step: rolls whole sealed raw chunks older than {@code cutoff} up. */
  synchronized long rollUpSealedOlderThan(long cutoff) {
    if (removed) {
      return 0;
    }
    PointBuffer old = raw.removeSealedOlderThan(cutoff);
    memory.rawRemovedThrough(old);
    coarse.addPoints(old);
    afterRemoval();
    return old.size;
  }

  /** The budget's last resort: drops whole sealed coarse chunks older than {@code cutoff}. */
  synchronized long dropSealedCoarseOlderThan(long cutoff) {
    if (removed) {
      return 0;
    }
    int dropped = coarse.removeSealedOlderThan(cutoff);
    afterRemoval();
    return dropped;
  }

  synchronized void rawChunks(RawTier.ChunkSink sink) {
    raw.sealedChunks(sink);
  }

  synchronized void coarseChunks(RawTier.ChunkSink sink) {
    coarse.sealedChunks(sink);
  }

  /** This series' share of the memory estimate. */
  synchronized long bytes() {
    return bytes;
  }

  synchronized int rawCount() {
    return raw.exactCount();
  }

  synchronized int coarseCount() {
    return coarse.bucketCount();
  }

  synchronized boolean isEmpty() {
    return raw.isEmpty() && coarse.isEmpty();
  }

  /** Marks the series gone and gives its bytes back; later appends report {@link #REMOVED}. */
  synchronized void remove() {
    if (!removed) {
      removed = true;
      memory.add(-bytes);
      bytes = 0;
    }
  }

  /** Removes the series from its agent if eviction emptied it. */
  private void afterRemoval() {
    refreshBytes();
    if (raw.isEmpty() && coarse.isEmpty()) {
      remove();
      agent.forget(this);
    }
  }

  private boolean refreshBytes() {
    long now = FIXED_BYTES + 2L * name.length() + raw.bytes() + coarse.bytes();
    long delta = now - bytes;
    bytes = now;
    memory.add(delta);
    return delta != 0;
  }
}
