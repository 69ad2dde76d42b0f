package io.nodelink.metrics.history.compact;

/**
 * A consistent, lock-free readable copy of one series' raw tier: the sealed chunks (immutable), a
 * copy of the open chunk and of the late points.
 */
record RawView(RawChunk[] sealed, RawChunk open, PointBuffer late) {

  /** The points in {@code [from, to]}, ascending, late points replacing stored ones. */
  PointBuffer points(long from, long to) {
    int expected = open != null && open.overlaps(from, to) ? open.count : 0;
    for (RawChunk chunk : sealed) {
      expected += chunk.overlaps(from, to) ? chunk.count : 0;
    }
    PointBuffer out = new PointBuffer(expected);
    for (RawChunk chunk : sealed) {
      if (chunk.overlaps(from, to)) {
        chunk.decode(from, to, out);
      }
    }
    if (open != null && open.overlaps(from, to)) {
      open.decode(from, to, out);
    }
    if (late == null) {
      return out;
    }
    PointBuffer lateInRange = new PointBuffer(late.size);
    late.copyRange(from, to, lateInRange);
    return lateInRange.isEmpty() ? out : PointBuffer.merge(out, lateInRange);
  }
}
