package io.nodelink.metrics.history.durable;

import io.nodelink.metrics.history.compact.ChunkWindows;
import io.nodelink.metrics.history.compact.ColdHistory.Tier;
import io.nodelink.metrics.history.compact.EncodedChunk;
import io.nodelink.metrics.history.compact.Rollups;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns adopted points into the rows a flush writes for sealed chunks: per series one raw chunk per
 * chunk window, each with its minute and hour buckets (as the outbox builds them), numbered by this
 * writer.
 */
final class AdoptedChunks {

  private final SeriesCatalog catalog;
  private final SeqBlocks seqs;
  private final long windowSeconds;

  AdoptedChunks(SeriesCatalog catalog, SeqBlocks seqs, long windowSeconds) {
    this.catalog = catalog;
    this.seqs = seqs;
    this.windowSeconds = windowSeconds;
  }

  /** The chunks of one agent's adopted points. */
  List<ChunkTable.Row> rows(AdoptedPoints points) throws SQLException {
    List<ChunkTable.Row> rows = new ArrayList<>();
    String agent = points.agentId();
    long phase = ChunkWindows.phase(agent, windowSeconds);
    for (Map.Entry<String, TreeMap<Long, Double>> series : points.series().entrySet()) {
      long id = seriesId(agent, series.getKey());
      for (TreeMap<Long, Double> window : byWindow(series.getValue(), phase).values()) {
        addChunkWithBuckets(rows, id, window);
      }
    }
    return rows;
  }

  private long seriesId(String agent, String series) {
    Long id = catalog.find(agent, series);
    if (id == null) {
      // Registered before the claim; a series missing now makes the adoption try again later.
      throw new IllegalStateException("series not registered: " + agent + " " + series);
    }
    return id;
  }

  /** A raw chunk never crosses a chunk window, as the ones memory seals. */
  private TreeMap<Long, TreeMap<Long, Double>> byWindow(TreeMap<Long, Double> points, long phase) {
    TreeMap<Long, TreeMap<Long, Double>> windows = new TreeMap<>();
    points.forEach(
        (second, value) ->
            windows
                .computeIfAbsent(
                    ChunkWindows.windowOf(second, phase, windowSeconds), w -> new TreeMap<>())
                .put(second, value));
    return windows;
  }

  private void addChunkWithBuckets(List<ChunkTable.Row> rows, long id, TreeMap<Long, Double> points)
      throws SQLException {
    long[] timestamps = points.keySet().stream().mapToLong(Long::longValue).toArray();
    double[] values = points.values().stream().mapToDouble(Double::doubleValue).toArray();
    EncodedChunk raw = Rollups.rawOf(timestamps, values);
    if (raw == null) {
      return;
    }
    rows.add(new ChunkTable.Row(id, Tier.RAW, seqs.next(), raw));
    for (Tier tier : List.of(Tier.MINUTE, Tier.HOUR)) {
      EncodedChunk buckets = Rollups.bucketsOfRaw(List.of(raw), tier.width());
      if (buckets != null) {
        rows.add(new ChunkTable.Row(id, tier, seqs.next(), buckets));
      }
    }
  }
}
