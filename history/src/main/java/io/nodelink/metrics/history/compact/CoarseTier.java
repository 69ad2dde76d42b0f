package io.nodelink.metrics.history.compact;

import java.util.Arrays;

/**
 * The coarse buckets of one series: sealed compressed chunks (ordered, non-overlapping) and an open
 * run of buckets being filled by roll-ups. Guarded by the owning {@link SeriesHistory}'s lock; the
 * sealed array is replaced, never modified.
 */
final class CoarseTier {

  private static final CoarseChunk[] NO_CHUNKS = new CoarseChunk[0];

  private final long width;
  private final int chunkBuckets;
  private CoarseChunk[] sealed = NO_CHUNKS;
  private CoarseBuckets open;

  CoarseTier(long widthSeconds, int chunkBuckets) {
    this.width = widthSeconds;
    this.chunkBuckets = chunkBuckets;
  }

  long width() {
    return width;
  }

  boolean isEmpty() {
    return sealed.length == 0 && (open == null || open.size == 0);
  }

  int bucketCount() {
    int n = open == null ? 0 : open.size;
    for (CoarseChunk chunk : sealed) {
      n += chunk.size;
    }
    return n;
  }

  /** Folds raw points (sorted) that leave the raw tier into their buckets. */
  void addPoints(PointBuffer points) {
    if (!points.isEmpty()) {
      add(CoarseBuckets.rollUp(points, width));
    }
  }

  /** Merges sorted partial buckets into the tier. */
  void add(CoarseBuckets partial) {
    int i = 0;
    while (i < partial.size) {
      int owner = owner(partial.start[i]);
      int end = i + 1;
      while (end < partial.size && owner(partial.start[end]) == owner) {
        end++;
      }
      if (owner < 0) {
        if (open == null) {
          open = new CoarseBuckets(Math.min(8, chunkBuckets));
        }
        for (int k = i; k < end; k++) {
          open.merge(partial, k);
        }
      } else {
        CoarseBuckets merged = sealed[owner].decode();
        for (int k = i; k < end; k++) {
          merged.merge(partial, k);
        }
        CoarseChunk[] copy = sealed.clone();
        copy[owner] = CoarseChunk.encode(merged);
        sealed = copy;
      }
      i = end;
    }
    if (open != null && open.size >= chunkBuckets) {
      sealed = appended(sealed, CoarseChunk.encode(open));
      open = null;
    }
  }

  /**
   * Drops buckets whose newest raw point is older than {@code cutoff}.
   *
   * @return how many buckets were dropped
   */
  int removeOlderThan(long cutoff) {
    int dropped = 0;
    int whole = 0;
    while (whole < sealed.length && sealed[whole].newest < cutoff) {
      dropped += sealed[whole].size;
      whole++;
    }
    CoarseChunk[] kept = Arrays.copyOfRange(sealed, whole, sealed.length);
    if (kept.length > 0 && kept[0].firstStart < cutoff) {
      CoarseBuckets buckets = kept[0].decode();
      int n = buckets.countOlderThan(cutoff);
      if (n > 0) {
        buckets.removeFirst(n);
        dropped += n;
        kept[0] = CoarseChunk.encode(buckets);
      }
    }
    sealed = kept;
    if (sealed.length == 0 && open != null) {
      int n = open.countOlderThan(cutoff);
      open.removeFirst(n);
      dropped += n;
    }
    if (open != null && open.size == 0) {
      open = null;
    }
    return dropped;
  }

  /** Drops whole sealed chunks older than {@code cutoff} (the budget's way); returns buckets. */
  int removeSealedOlderThan(long cutoff) {
    int dropped = 0;
    int whole = 0;
    while (whole < sealed.length && sealed[whole].newest < cutoff) {
      dropped += sealed[whole].size;
      whole++;
    }
    if (whole > 0) {
      sealed = Arrays.copyOfRange(sealed, whole, sealed.length);
    }
    return dropped;
  }

  /** The newest timestamp of each sealed chunk and its bytes, oldest first, for the budget. */
  void sealedChunks(RawTier.ChunkSink sink) {
    for (CoarseChunk chunk : sealed) {
      sink.accept(chunk.newest, chunk.bytes());
    }
  }

  /** What a query needs, copied so it can be decoded after the lock is released. */
  CoarseView view() {
    return new CoarseView(sealed, open == null || open.size == 0 ? null : open.copy());
  }

  long bytes() {
    long bytes = 16 + 4L * sealed.length + (open == null ? 0 : open.bytes());
    for (CoarseChunk chunk : sealed) {
      bytes += chunk.bytes();
    }
    return bytes;
  }

  /** The sealed chunk index owning a bucket start, or -1 for the open run. */
  private int owner(long bucketStart) {
    if (sealed.length == 0 || bucketStart > sealed[sealed.length - 1].lastStart) {
      return -1;
    }
    int low = 0;
    int high = sealed.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (sealed[mid].firstStart <= bucketStart) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  private static CoarseChunk[] appended(CoarseChunk[] chunks, CoarseChunk chunk) {
    CoarseChunk[] copy = Arrays.copyOf(chunks, chunks.length + 1);
    copy[chunks.length] = chunk;
    return copy;
  }
}
