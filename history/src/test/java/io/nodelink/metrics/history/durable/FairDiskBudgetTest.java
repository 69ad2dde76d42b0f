package io.nodelink.metrics.history.durable;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.history.compact.ColdHistory.Tier;
import io.nodelink.metrics.history.compact.HistorySettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A tier over its size budget on a real database: each agent gets a max-min fair share of it, so a
 * noisy agent loses only its own oldest chunks and the quiet ones keep everything.
 */
class FairDiskBudgetTest {

  /** The start of a 10-minute window. */
  private static final long T0 = 1_699_999_800L;

  private static final long HOURS = 2 * 3_600;
  private static final List<String> QUIET = List.of("quiet-1", "quiet-2");
  private static final String NOISY = "noisy";
  private static final Duration KEEP = Duration.ofDays(14);

  private final MovableClock clock = new MovableClock(T0);

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aNoisyAgentLosesOnlyItsOwnOldestChunks(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    DurableHistoryStore writer = open(ds, 0);
    for (long t = T0; t < T0 + HOURS; t++) {
      clock.set(t);
      writer.appendAll(NOISY, t, batch("noisy.", 20, t));
      if (t % 60 == 0) {
        for (String agent : QUIET) {
          writer.appendAll(agent, t, quiet());
        }
      }
      if (t % 600 == 599) {
        writer.flush();
      }
    }
    writer.close();
    assertUsageMatchesTheChunks(ds);
    long quietBytes = agentBytes(ds, QUIET.get(0)) + agentBytes(ds, QUIET.get(1));
    long noisyBytes = agentBytes(ds, NOISY);
    long noisyNewest = single(ds, lastOf(NOISY, "MAX"));
    long noisyOldest = single(ds, lastOf(NOISY, "MIN"));
    long[] quietChunks = {chunks(ds, QUIET.get(0)), chunks(ds, QUIET.get(1))};
    assertThat(noisyBytes).isGreaterThan(10 * quietBytes);

    long budget = quietBytes + noisyBytes / 2;
    DurableHistoryStore store = open(ds, budget);
    store.maintain(T0 + HOURS);
    store.close();

    assertThat(single(ds, "SELECT bytes + 64 * chunks FROM nl_history_usage WHERE tier = 0"))
        .as("raw tier within its budget")
        .isLessThanOrEqualTo(budget);
    assertThat(new long[] {chunks(ds, QUIET.get(0)), chunks(ds, QUIET.get(1))})
        .as("the quiet agents keep every chunk")
        .containsExactly(quietChunks);
    assertThat(agentBytes(ds, NOISY)).isLessThan(noisyBytes);
    assertThat(single(ds, lastOf(NOISY, "MIN")))
        .as("the noisy agent's oldest chunks went")
        .isGreaterThan(noisyOldest);
    assertThat(single(ds, lastOf(NOISY, "MAX"))).as("its newest stayed").isEqualTo(noisyNewest);
    assertUsageMatchesTheChunks(ds);
  }

  @Test
  void theFairShareLetsSmallAgentsKeepTheirsAndSplitsTheRest() {
    assertThat(TierMaintenance.fairShare(List.of(10L, 20L, 1_000L), 130)).isEqualTo(100);
    assertThat(TierMaintenance.fairShare(List.of(300L, 300L, 300L), 600)).isEqualTo(200);
    assertThat(TierMaintenance.fairShare(List.of(10L, 20L), 100)).isEqualTo(Long.MAX_VALUE);
  }

  private DurableHistoryStore open(DataSource ds, long rawMaxBytes) throws SQLException {
    DurableSettings settings =
        DurableSettings.defaults()
            .withTiers(
                new DurableSettings.TierLimits(KEEP, rawMaxBytes),
                new DurableSettings.TierLimits(KEEP, 0),
                new DurableSettings.TierLimits(KEEP, 0));
    return DurableHistoryStore.open(
        ds, HistorySettings.defaults().withMemoryBudgetBytes(0), settings, Runnable::run, clock);
  }

  private static SeriesBatch batch(String prefix, int series, long t) {
    SeriesBatch batch = new SeriesBatch(series);
    for (int i = 0; i < series; i++) {
      // Noise, so the chunks do not compress to nothing.
      batch.add(prefix + i, (t * 7919 + i * 104_729) % 100_003 / 7.0);
    }
    return batch;
  }

  private static SeriesBatch quiet() {
    SeriesBatch batch = new SeriesBatch(1);
    batch.add("cpu.usage_percent", 12.5);
    return batch;
  }

  private static String lastOf(String agent, String function) {
    return "SELECT "
        + function
        + "(c.last_ts) FROM nl_history_chunk c JOIN nl_history_series s ON s.id = c.series_id"
        + " WHERE c.tier = 0 AND s.agent_id = '"
        + agent
        + "'";
  }

  private static long chunks(DataSource ds, String agent) throws SQLException {
    return single(
        ds,
        "SELECT COUNT(*) FROM nl_history_chunk c JOIN nl_history_series s ON s.id = c.series_id"
            + " WHERE c.tier = 0 AND s.agent_id = '"
            + agent
            + "'");
  }

  private static long agentBytes(DataSource ds, String agent) throws SQLException {
    try (Connection c = ds.getConnection()) {
      return UsageTable.byAgent(c, Tier.RAW).getOrDefault(agent, 0L);
    }
  }

  /** Every tier's and every series' running sizes equal what a scan of the chunks finds. */
  static void assertUsageMatchesTheChunks(DataSource ds) throws SQLException {
    for (int tier = 0; tier < 3; tier++) {
      assertThat(single(ds, "SELECT bytes FROM nl_history_usage WHERE tier = " + tier))
          .as("bytes of tier %d", tier)
          .isEqualTo(
              single(
                  ds,
                  "SELECT COALESCE(SUM(OCTET_LENGTH(data)), 0) FROM nl_history_chunk WHERE tier = "
                      + tier));
    }
    String perSeries =
        "SELECT COUNT(*) FROM nl_history_series_usage u WHERE u.bytes <> (SELECT"
            + " COALESCE(SUM(OCTET_LENGTH(c.data)), 0) FROM nl_history_chunk c WHERE c.series_id ="
            + " u.series_id AND c.tier = u.tier) OR u.chunks <> (SELECT COUNT(*) FROM"
            + " nl_history_chunk c WHERE c.series_id = u.series_id AND c.tier = u.tier)";
    assertThat(single(ds, perSeries)).as("series whose usage rows differ from the chunks").isZero();
    String withoutRow =
        "SELECT COUNT(*) FROM (SELECT DISTINCT series_id, tier FROM nl_history_chunk) c WHERE NOT"
            + " EXISTS (SELECT 1 FROM nl_history_series_usage u WHERE u.series_id = c.series_id"
            + " AND u.tier = c.tier)";
    assertThat(single(ds, withoutRow)).as("series and tiers with chunks but no usage row").isZero();
  }

  /** The one number {@code sql} answers. */
  static long single(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
