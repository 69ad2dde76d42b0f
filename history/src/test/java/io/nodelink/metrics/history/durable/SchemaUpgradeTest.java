package io.nodelink.metrics.history.durable;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.compact.HistorySettings;
import io.nodelink.metrics.history.compact.UnflushedPoints;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A database of a single server from before writer ids, opened by this version. */
class SchemaUpgradeTest {

  private static final long T0 = 1_700_000_000L;
  private static final long OLD_MARK = 5_000;
  private static final long OLD_SERIES_ID = 41;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theSingleServerReplaysItsRecordsAndNumbersContinueAboveTheOldOnes(TestDatabase db)
      throws SQLException {
    DataSource ds = db.fresh();
    migrateToVersion4(ds);
    writeWhatAVersion4ServerLeft(ds);

    DurableHistoryStore store =
        DurableHistoryStore.open(
            ds,
            HistorySettings.defaults().withMemoryBudgetBytes(0),
            DurableSettings.defaults(),
            Runnable::run,
            new MovableClock(T0 + 10));
    assertThat(
            store
                .query("a1", new RangeQuery(Set.of(), T0, T0 + 2, 0, 1000, Aggregation.AVG))
                .points())
        .hasSize(3);
    assertThat(single(ds, "SELECT writer_id FROM nl_history_tail WHERE seq = " + (OLD_MARK + 1)))
        .isEqualTo("default");

    store.append("a1", "memory.used_bytes", T0 + 5, 42.0);
    assertThat(store.flush()).isTrue();
    assertThat(
            Long.parseLong(
                single(ds, "SELECT MIN(seq) FROM nl_history_tail WHERE seq <> " + (OLD_MARK + 1))))
        .isGreaterThan(OLD_MARK + 1);
    assertThat(
            Long.parseLong(
                single(ds, "SELECT id FROM nl_history_series WHERE name = 'memory.used_bytes'")))
        .isGreaterThan(OLD_SERIES_ID);
    store.close();
  }

  private static void migrateToVersion4(DataSource ds) throws SQLException {
    String binary;
    try (Connection c = ds.getConnection()) {
      binary = Dialect.of(c).binaryType();
    }
    Flyway.configure(HistorySchema.class.getClassLoader())
        .dataSource(ds)
        .table(HistorySchema.HISTORY_TABLE)
        .locations(HistorySchema.LOCATION)
        .placeholders(Map.of("binary", binary))
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .target("4")
        .load()
        .migrate();
  }

  /** A series, the sequence mark (row 0 of the roll-up table) and one tail record of 3 points. */
  private static void writeWhatAVersion4ServerLeft(DataSource ds) throws SQLException {
    UnflushedPoints points =
        new UnflushedPoints(
            new long[] {T0, T0 + 1, T0 + 2},
            new String[][] {{"cpu.usage_percent"}, {"cpu.usage_percent"}, {"cpu.usage_percent"}},
            new double[][] {{1.5}, {2.5}, {3.5}});
    byte[] data = TailCodec.encode(points, new int[] {0, 1, 2}, name -> OLD_SERIES_ID);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        PreparedStatement tail =
            c.prepareStatement(
                "INSERT INTO nl_history_tail (agent_id, seq, last_ts, data) VALUES (?, ?, ?, ?)")) {
      s.execute(
          "INSERT INTO nl_history_series (id, agent_id, name) VALUES ("
              + OLD_SERIES_ID
              + ", 'a1', 'cpu.usage_percent')");
      s.execute("INSERT INTO nl_history_rollup (tier, done_through) VALUES (0, " + OLD_MARK + ")");
      s.execute("INSERT INTO nl_history_tail_mark (agent_id, done_through) VALUES ('a1', 10)");
      tail.setString(1, "a1");
      tail.setLong(2, OLD_MARK + 1);
      tail.setLong(3, T0 + 2);
      tail.setBytes(4, data);
      tail.executeUpdate();
    }
  }

  private static String single(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }
}
