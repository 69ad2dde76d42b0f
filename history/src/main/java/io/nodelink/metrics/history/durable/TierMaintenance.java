package io.nodelink.metrics.history.durable;

import io.nodelink.metrics.history.compact.ColdHistory.Tier;
import io.nodelink.metrics.history.compact.EncodedChunk;
import io.nodelink.metrics.history.compact.Rollups;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The database side of the cleanup timer: merges each series' raw chunks (one per written window)
 * into one per 6 hours, its small minute and hour chunks into one per day, and hour chunks into one
 * per 30 days (fewer, longer rows: a database's per-row overhead is paid less often); deletes
 * chunks past their tier's retention; then, in a tier over its size budget, gives each agent a
 * max-min fair share of it: agents under the share keep everything, the others lose their own
 * oldest chunks down to it, so one agent's volume never deletes another's history (sizes from
 * {@code nl_history_usage} and {@code nl_history_series_usage}, no scan of the chunks).
 */
final class TierMaintenance {

  private static final Logger LOG = Logger.getLogger(DurableHistoryStore.class.getName());

  static final long DAY = 86_400;

  /**
   * Raw chunks are merged into one per series and this period: ~19 KB at 1 s, which PostgreSQL
   * moves to its TOAST table in 2 KB slices that fill pages almost exactly (an hour's 3 KB row left
   * a quarter of each page empty); a query of a few minutes decodes at most 21,600 points.
   */
  static final long RAW_MERGE_PERIOD = DAY / 4;

  static final long MONTH = 30 * DAY;

  /** A period is merged this long after it ended, so late points from agents' buffers are in. */
  private static final long DELAY = 3_600;

  /** At most this many periods per job and pass, so one pass stays short. */
  private static final int PERIODS_PER_PASS = 3;

  /** Merging chunks of one tier per period; the id is its row in {@code nl_history_rollup}. */
  private record Job(int id, Tier tier, long period) {}

  private static final List<Job> JOBS =
      List.of(
          new Job(1, Tier.MINUTE, DAY),
          new Job(2, Tier.HOUR, DAY),
          new Job(3, Tier.HOUR, MONTH),
          new Job(4, Tier.RAW, RAW_MERGE_PERIOD));

  /** What one pass did. */
  record Report(int mergedSeries, int deletedChunks, long diskBytes) {}

  private final DataSource dataSource;
  private final DurableSettings settings;
  private final SeqBlocks seqs;

  TierMaintenance(DataSource dataSource, DurableSettings settings, SeqBlocks seqs) {
    this.dataSource = dataSource;
    this.settings = settings;
    this.seqs = seqs;
  }

  Report run(long nowSeconds) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      int merged = 0;
      for (Job job : JOBS) {
        merged += merge(connection, job, nowSeconds);
      }
      int deleted = 0;
      for (Tier tier : Tier.values()) {
        deleted +=
            ChunkTable.deleteOlderThan(
                connection, tier, nowSeconds - limits(tier).retention().toSeconds());
        connection.commit();
      }
      ChunkTable.Usage usage = ChunkTable.usageByTier(connection);
      deleted += enforceBudgets(connection, usage);
      long diskBytes = ChunkTable.usageByTier(connection).totalBytes();
      connection.commit();
      return new Report(merged, deleted, diskBytes);
    }
  }

  private DurableSettings.TierLimits limits(Tier tier) {
    return switch (tier) {
      case RAW -> settings.raw();
      case MINUTE -> settings.minute();
      case HOUR -> settings.hour();
    };
  }

  private int merge(Connection connection, Job job, long nowSeconds) throws SQLException {
    long done = doneThrough(connection, job);
    if (done == Long.MIN_VALUE) {
      long oldest = oldestFirst(connection, job.tier());
      if (oldest == Long.MAX_VALUE) {
        return 0;
      }
      done = Math.floorDiv(oldest, job.period()) * job.period();
      // Kept at once: finding the oldest chunk scans the table, which every pass would repeat
      // until the first period is due.
      setDoneThrough(connection, job, done);
      connection.commit();
    }
    long limit = job.id() == 3 ? doneThroughOr(connection, 2, done) : Long.MAX_VALUE;
    int merged = 0;
    for (int i = 0; i < PERIODS_PER_PASS; i++) {
      long end = done + job.period();
      if (end + DELAY > nowSeconds || end > limit) {
        break;
      }
      merged += mergePeriod(connection, job.tier(), done, end - 1);
      done = end;
      setDoneThrough(connection, job, done);
      connection.commit();
    }
    return merged;
  }

  private int mergePeriod(Connection connection, Tier tier, long from, long to)
      throws SQLException {
    int merged = 0;
    for (long seriesId : ChunkTable.seriesStartingIn(connection, tier, from, to)) {
      List<EncodedChunk> chunks = ChunkTable.selectStartingIn(connection, seriesId, tier, from, to);
      if (chunks.size() < 2) {
        continue;
      }
      EncodedChunk one =
          tier == Tier.RAW ? Rollups.mergedRaw(chunks) : Rollups.widerBuckets(chunks, tier.width());
      ChunkTable.deleteStartingIn(connection, seriesId, tier, from, to, chunks);
      ChunkTable.insert(connection, List.of(new ChunkTable.Row(seriesId, tier, seqs.next(), one)));
      // One series per transaction: short row locks on the usage counters the flush also updates.
      connection.commit();
      merged++;
    }
    return merged;
  }

  private int enforceBudgets(Connection connection, ChunkTable.Usage usage) throws SQLException {
    int deleted = 0;
    for (Tier tier : Tier.values()) {
      long max = limits(tier).maxBytes();
      long have = usage.bytes().get(tier);
      if (max == 0 || have <= max || usage.chunks().get(tier) == 0) {
        continue;
      }
      // Down to 90 % of the budget, so the next pass does not start over at once.
      long target = (long) (0.9 * max);
      Map<String, Long> byAgent = UsageTable.byAgent(connection, tier);
      long share = fairShare(byAgent.values(), target);
      int trimmed = 0;
      int n = 0;
      for (Map.Entry<String, Long> agent : byAgent.entrySet()) {
        if (agent.getValue() > share) {
          n +=
              ChunkTable.deleteOldestOfAgent(
                  connection, tier, agent.getKey(), agent.getValue() - share);
          connection.commit();
          trimmed++;
        }
      }
      deleted += n;
      LOG.log(
          Level.WARNING,
          "History tier {0} over its size budget ({1} > {2} bytes): deleted {3} oldest chunks of"
              + " the {5} agents over their fair share of {4} bytes",
          new Object[] {tier, have, max, n, share, trimmed});
    }
    return deleted;
  }

  /**
   * The max-min fair share of {@code target} among agents of these sizes: agents under it keep what
   * they have, the others split the rest evenly.
   */
  static long fairShare(Collection<Long> sizes, long target) {
    long[] sorted = sizes.stream().mapToLong(Long::longValue).sorted().toArray();
    long remaining = target;
    for (int i = 0; i < sorted.length; i++) {
      long even = remaining / (sorted.length - i);
      if (sorted[i] > even) {
        return even;
      }
      remaining -= sorted[i];
    }
    return Long.MAX_VALUE;
  }

  private static long oldestFirst(Connection connection, Tier tier) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT MIN(first_ts) FROM nl_history_chunk WHERE tier = ?")) {
      select.setShort(1, (short) tier.ordinal());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() && rows.getObject(1) != null ? rows.getLong(1) : Long.MAX_VALUE;
      }
    }
  }

  private static long doneThrough(Connection connection, Job job) throws SQLException {
    return doneThroughOr(connection, job.id(), Long.MIN_VALUE);
  }

  private static long doneThroughOr(Connection connection, int jobId, long otherwise)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT done_through FROM nl_history_rollup WHERE tier = ?")) {
      select.setShort(1, (short) jobId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getLong(1) : otherwise;
      }
    }
  }

  private static void setDoneThrough(Connection connection, Job job, long value)
      throws SQLException {
    try (PreparedStatement delete =
            connection.prepareStatement("DELETE FROM nl_history_rollup WHERE tier = ?");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO nl_history_rollup (tier, done_through) VALUES (?, ?)")) {
      delete.setShort(1, (short) job.id());
      delete.executeUpdate();
      insert.setShort(1, (short) job.id());
      insert.setLong(2, value);
      insert.executeUpdate();
    }
  }
}
