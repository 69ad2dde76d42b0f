package io.nodelink.metrics.history.compact;

/** A lock-free readable copy of one series' coarse tier. */
record CoarseView(CoarseChunk[] sealed, CoarseBuckets open) {

  /** The buckets holding any raw point in {@code [from, to]}, ascending. */
  CoarseBuckets buckets(long from, long to) {
    CoarseBuckets out = new CoarseBuckets(8);
    for (CoarseChunk chunk : sealed) {
      if (chunk.newest >= from && chunk.firstStart <= to) {
        addOverlapping(chunk.decode(), from, to, out);
      }
    }
    if (open != null) {
      addOverlapping(open, from, to, out);
    }
    return out;
  }

  private static void addOverlapping(CoarseBuckets in, long from, long to, CoarseBuckets out) {
    for (int i = 0; i < in.size; i++) {
      if (in.lastTimestamp(i) >= from && in.firstTimestamp(i) <= to) {
        out.add(in, i);
      }
    }
  }
}
