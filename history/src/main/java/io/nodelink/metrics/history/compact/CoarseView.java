package io.nodelink.metrics.history.compact;

/** A lock-free readable copy of one series' coarse tier. */
record CoarseView(CoarseChunk[] sealed, CoarseBuckets open) {

  /** The buckets holding any raw point in {@code [from, to]}, ascending. */
  CoarseBuckets buckets(long from, long to) {
    int expected = open == null ? 0 : open.size;
    for (CoarseChunk chunk : sealed) {
      expected += overlaps(chunk, from, to) ? chunk.size : 0;
    }
    CoarseBuckets out = new CoarseBuckets(expected);
    for (CoarseChunk chunk : sealed) {
      if (overlaps(chunk, from, to)) {
        chunk.decodeOverlapping(from, to, out);
      }
    }
    if (open != null) {
      addOverlapping(open, from, to, out);
    }
    return out;
  }

  private static boolean overlaps(CoarseChunk chunk, long from, long to) {
    return chunk.newest >= from && chunk.firstStart <= to;
  }

  private static void addOverlapping(CoarseBuckets in, long from, long to, CoarseBuckets out) {
    for (int i = 0; i < in.size; i++) {
      if (in.lastTimestamp(i) >= from && in.firstTimestamp(i) <= to) {
        out.add(in, i);
      }
    }
  }
}
