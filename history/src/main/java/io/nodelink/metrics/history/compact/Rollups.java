package io.nodelink.metrics.history.compact;

import java.util.Arrays;
import java.util.List;

/**
 * Builds the tiers of a durable store from encoded chunks: raw chunks into buckets of one width,
 * buckets into wider buckets (count and sum are kept, so the result is exact), and raw chunks into
 * one longer raw chunk.
 */
public final class Rollups {

  private Rollups() {}

  /**
   * The buckets of {@code width} seconds over the points of {@code raw} (ordered as {@link
   * ColdHistory#chunks} gives them: a later chunk's point replaces an earlier one's of the same
   * second), as one coarse chunk; null if there are no points.
   */
  public static EncodedChunk bucketsOfRaw(List<EncodedChunk> raw, long width) {
    PointBuffer points = rawPoints(raw);
    return points.isEmpty()
        ? null
        : CoarseChunk.encode(CoarseBuckets.rollUp(points, width)).toEncoded();
  }

  private static PointBuffer rawPoints(List<EncodedChunk> raw) {
    PointBuffer points = new PointBuffer(16);
    for (EncodedChunk chunk : raw) {
      PointBuffer decoded = new PointBuffer(chunk.count());
      RawChunk.fromEncoded(chunk).decodeAll(decoded);
      points =
          points.isEmpty() || decoded.isEmpty() || decoded.first() > points.last()
              ? appendAll(points, decoded)
              : PointBuffer.merge(points, decoded);
    }
    return points;
  }

  /**
   * The points of {@code raw} (ordered as {@link ColdHistory#chunks} gives them: a later chunk's
   * point replaces an earlier one's of the same second) as one packed raw chunk; null if there are
   * no points. A durable store merges a series' window chunks per 6 hours with it: a database's
   * per-row overhead (~200 bytes on PostgreSQL) is then paid once per 21,600 points, not per 600.
   */
  public static EncodedChunk mergedRaw(List<EncodedChunk> raw) {
    PointBuffer points = rawPoints(raw);
    return points.isEmpty() ? null : RawChunk.encode(points, 0, points.size).toEncoded();
  }

  /**
   * Points given as columns (ascending, one per second) as one packed raw chunk, as {@link
   * #mergedRaw} writes it; null if there are none. A durable store writes the points of another
   * writer's records with it.
   */
  public static EncodedChunk rawOf(long[] timestamps, double[] values) {
    PointBuffer points = new PointBuffer(timestamps.length);
    for (int i = 0; i < timestamps.length; i++) {
      points.add(timestamps[i], values[i]);
    }
    return points.isEmpty() ? null : RawChunk.encode(points, 0, points.size).toEncoded();
  }

  /**
   * The points of a raw chunk outside {@code [from, through]} as one packed raw chunk (the chunk
   * itself if none is inside); null if every point is inside.
   */
  public static EncodedChunk rawWithout(EncodedChunk raw, long from, long through) {
    if (raw.last() < from || raw.first() > through) {
      return raw;
    }
    PointBuffer points = new PointBuffer(raw.count());
    RawChunk.fromEncoded(raw).decodeAll(points);
    PointBuffer kept = new PointBuffer(points.size);
    for (int i = 0; i < points.size; i++) {
      if (points.timestamps[i] < from || points.timestamps[i] > through) {
        kept.add(points.timestamps[i], points.values[i]);
      }
    }
    return kept.isEmpty() ? null : RawChunk.encode(kept, 0, kept.size).toEncoded();
  }

  /** The seconds of a raw chunk's points, ascending. */
  public static long[] secondsOf(EncodedChunk raw) {
    PointBuffer points = new PointBuffer(raw.count());
    RawChunk.fromEncoded(raw).decodeAll(points);
    return Arrays.copyOf(points.timestamps, points.size);
  }

  /**
   * The buckets of {@code width} seconds (a multiple of the chunks' width) merging the buckets of
   * {@code coarse}, as one coarse chunk; null if there are none.
   */
  public static EncodedChunk widerBuckets(List<EncodedChunk> coarse, long width) {
    CoarseBuckets out = new CoarseBuckets(16);
    for (EncodedChunk chunk : coarse) {
      CoarseBuckets buckets = CoarseChunk.fromEncoded(chunk).decode();
      CoarseBuckets one = new CoarseBuckets(1);
      for (int i = 0; i < buckets.size; i++) {
        long start = Math.floorDiv(buckets.start[i], width) * width;
        int shift = (int) (buckets.start[i] - start);
        one.size = 0;
        one.add(
            start,
            buckets.firstOffset[i] + shift,
            buckets.lastOffset[i] + shift,
            buckets.count[i],
            buckets.sum[i],
            buckets.min[i],
            buckets.max[i],
            buckets.last[i]);
        out.merge(one, 0);
      }
    }
    return out.size == 0 ? null : CoarseChunk.encode(out).toEncoded();
  }

  private static PointBuffer appendAll(PointBuffer to, PointBuffer from) {
    for (int i = 0; i < from.size; i++) {
      to.add(from.timestamps[i], from.values[i]);
    }
    return to;
  }
}
