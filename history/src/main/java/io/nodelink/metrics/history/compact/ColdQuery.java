package io.nodelink.metrics.history.compact;

import io.nodelink.metrics.history.BucketPlan;
import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.compact.ColdHistory.Tier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Answers a query that reaches before what memory holds completely: from the coarsest stored tier
 * the answer's resolution allows (hour buckets for intervals of an hour and more, minute buckets
 * for a minute and more, else raw points), finer tiers for the time the coarser ones do not cover
 * yet, and the raw points in memory for the newest part. Buckets are aligned, so a bucket of the
 * answer is exact whichever tiers fill it.
 */
final class ColdQuery {

  private final ColdHistory cold;
  private final long memoryCoarseWidth;

  ColdQuery(ColdHistory cold, long memoryCoarseWidth) {
    this.cold = cold;
    this.memoryCoarseWidth = memoryCoarseWidth;
  }

  java.util.Set<String> seriesOf(String agentId) {
    return cold.seriesOf(agentId);
  }

  HistoryResult answer(String agentId, AgentHistory agent, RangeQuery q) {
    Collection<String> names = q.series().isEmpty() ? names(agentId, agent) : q.series();
    Tier tier = tierFor(agentId, q);
    List<QueryEvaluator.SeriesData> data = new ArrayList<>();
    long width = 0;
    for (String name : names) {
      SeriesRead read = read(agentId, agent == null ? null : agent.get(name), name, tier, q);
      if (read.raw.size > 0 || read.coarse.size > 0) {
        data.add(new QueryEvaluator.SeriesData(name, read.raw, read.coarse));
        width = Math.max(width, read.width);
      }
    }
    return QueryEvaluator.answer(data, q, width == 0 ? memoryCoarseWidth : width);
  }

  private Collection<String> names(String agentId, AgentHistory agent) {
    TreeSet<String> names = new TreeSet<>(cold.seriesOf(agentId));
    if (agent != null) {
      names.addAll(agent.names());
    }
    return names;
  }

  /** The coarsest tier whose buckets are no wider than the answer's would be. */
  private Tier tierFor(String agentId, RangeQuery q) {
    long earliest = cold.earliest(agentId);
    long first =
        earliest > q.startSeconds() && earliest <= q.endSeconds() ? earliest : q.startSeconds();
    long needed = BucketPlan.widen(first, q.endSeconds(), q.intervalSeconds(), q.maxPoints());
    if (needed >= Tier.HOUR.width() || first < cold.horizon(Tier.MINUTE)) {
      return Tier.HOUR;
    }
    return needed >= Tier.MINUTE.width() || first < cold.horizon(Tier.RAW) ? Tier.MINUTE : Tier.RAW;
  }

  private record SeriesRead(PointBuffer raw, CoarseBuckets coarse, long width) {}

  private SeriesRead read(
      String agentId, SeriesHistory inMemory, String name, Tier tier, RangeQuery q) {
    CoarseBuckets coarse = new CoarseBuckets(8);
    long covered = q.startSeconds() - 1;
    long width = 0;
    for (Tier t : List.of(Tier.HOUR, Tier.MINUTE)) {
      if (t.width() > tier.width()) {
        continue;
      }
      long before = covered;
      for (EncodedChunk chunk : cold.chunks(agentId, name, t, before + 1, q.endSeconds())) {
        CoarseBuckets part = new CoarseBuckets(chunk.count());
        CoarseChunk.fromEncoded(chunk).decodeOverlapping(before + 1, q.endSeconds(), part);
        for (int i = 0; i < part.size; i++) {
          if (part.firstTimestamp(i) > before) {
            coarse.merge(part, i);
          }
        }
        covered = Math.max(covered, chunk.last());
        width = Math.max(width, t.width());
      }
    }
    PointBuffer raw = coldRaw(agentId, name, covered + 1, q.endSeconds());
    if (inMemory != null) {
      long from = covered + 1;
      raw = combine(raw, inMemory.view(from, q.endSeconds()).raw().points(from, q.endSeconds()));
    }
    return new SeriesRead(raw, coarse, width);
  }

  private PointBuffer coldRaw(String agentId, String name, long from, long to) {
    PointBuffer out = new PointBuffer(16);
    if (from > to) {
      return out;
    }
    for (EncodedChunk chunk : cold.chunks(agentId, name, Tier.RAW, from, to)) {
      PointBuffer points = new PointBuffer(chunk.count());
      RawChunk.fromEncoded(chunk).decode(from, to, points);
      out = combine(out, points);
    }
    return out;
  }

  /**
   * Appends {@code newer} when it starts after {@code base}, else merges, {@code newer} winning.
   */
  private static PointBuffer combine(PointBuffer base, PointBuffer newer) {
    if (newer.isEmpty()) {
      return base;
    }
    if (base.isEmpty()) {
      return newer;
    }
    if (newer.first() > base.last()) {
      for (int i = 0; i < newer.size; i++) {
        base.add(newer.timestamps[i], newer.values[i]);
      }
      return base;
    }
    return PointBuffer.merge(base, newer);
  }
}
