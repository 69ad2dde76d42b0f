package io.nodelink.metrics.bench.store;

import io.nodelink.metrics.history.durable.DurableHistoryStore;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long {@link DurableHistoryStore#open} takes with a day of a fleet stored: schema check,
 * catalog load and replay of the records of unflushed points. A few agents are fed through the
 * store (1 s, flush every 5 s, stopped gracefully 595 s into a chunk window, so each agent has
 * almost a whole window of tail records, the most there can be); the rest of the fleet are SQL
 * copies of their rows under other agent ids, which gives the tables the full fleet's rows and
 * bytes in minutes instead of hours.
 */
final class RestartTime {

  /** Open times and what the same statements cost alone, milliseconds. */
  record Result(
      int agents,
      int hours,
      long chunks,
      long tailRecords,
      double firstOpen,
      double medianOpen,
      double maintain) {}

  private RestartTime() {}

  static Result run(Database db, BenchOptions options, PrintStream out) throws SQLException {
    int fed = Math.min(options.restartFedAgents(), options.restartAgents());
    int copies = (options.restartAgents() + fed - 1) / fed;
    int hours = options.restartHours();
    long start = BenchStores.MIDNIGHT;
    long end = start + hours * 3600L + BenchStores.WINDOW - 5;
    Fleet fleet = new Fleet("host", fed, false, start);
    BenchClock clock = new BenchClock(start);
    out.printf(
        "building %d h of %d agents x %d series: %d fed at 1 s, %d SQL copies of them; %s%n",
        hours, fed * copies, fleet.seriesPerAgent(), fed, copies - 1, Machine.loadLine());
    long started = System.nanoTime();
    DurableHistoryStore store = BenchStores.open(db, clock);
    Feeder feeder = new Feeder(store, clock, fleet);
    feeder.feed(start, end, 1, 5, 300);
    store.close();
    out.printf(
        "  fed %,d values in %.1f s%n", feeder.values(), (System.nanoTime() - started) / 1e9);
    started = System.nanoTime();
    copy(db, copies);
    out.printf(
        "  copied in %.1f s: %,d series, %,d chunks, %,d tail records; %,d bytes as written%n",
        (System.nanoTime() - started) / 1e9,
        db.queryLong("SELECT COUNT(*) FROM nl_history_series"),
        db.queryLong("SELECT COUNT(*) FROM nl_history_chunk"),
        db.queryLong("SELECT COUNT(*) FROM nl_history_tail"),
        db.bytesAsWritten());

    out.printf(
        "  tail records: %,d bytes in all, %,d bytes on average (one agent"
            + " and flush)%n",
        db.queryLong("SELECT SUM(OCTET_LENGTH(data)) FROM nl_history_tail"),
        db.queryLong("SELECT AVG(OCTET_LENGTH(data)) FROM nl_history_tail"));
    List<Double> opens = new ArrayList<>();
    long tails = 0;
    for (int i = 0; i < 3; i++) {
      restartDatabase(db);
      long t = System.nanoTime();
      DurableHistoryStore reopened = BenchStores.open(db, clock);
      opens.add((System.nanoTime() - t) / 1e6);
      tails = reopened.status().tailRecords();
      reopened.close();
    }
    out.printf(
        "  open: %s ms%s%n",
        opens, db.kind().equals("H2") ? " (the H2 database file opened by it too)" : "");
    breakdown(db, out);
    DurableHistoryStore reopened = BenchStores.open(db, clock);
    long t = System.nanoTime();
    reopened.maintain(clock.seconds());
    double maintain = (System.nanoTime() - t) / 1e6;
    reopened.close();
    out.printf("  one maintenance pass (nothing to merge or delete): %.0f ms%n", maintain);
    double first = opens.get(0);
    Collections.sort(opens);
    return new Result(
        fed * copies,
        hours,
        db.queryLong("SELECT COUNT(*) FROM nl_history_chunk"),
        tails,
        first,
        opens.get(1),
        maintain);
  }

  /** An embedded H2 starts and stops with the server; PostgreSQL stays up. */
  private static void restartDatabase(Database db) throws SQLException {
    if (db.kind().equals("H2")) {
      db.execute("SHUTDOWN");
      db.closePool();
    }
  }

  /** The fed agents' rows again under agent ids suffixed {@code -c1}, {@code -c2}, .... */
  private static void copy(Database db, int copies) throws SQLException {
    long maxId = db.queryLong("SELECT MAX(id) FROM nl_history_series");
    try (Connection c = db.dataSource().getConnection()) {
      for (int copy = 1; copy < copies; copy++) {
        String suffix = "'-c" + copy + "'";
        long offset = copy * maxId;
        run(
            c,
            "INSERT INTO nl_history_series (id, agent_id, name) SELECT id + "
                + offset
                + ", agent_id || "
                + suffix
                + ", name FROM nl_history_series WHERE id <= "
                + maxId);
        run(
            c,
            "INSERT INTO nl_history_chunk (series_id, tier, first_ts, last_ts, seq, point_count,"
                + " data) SELECT series_id + "
                + offset
                + ", tier, first_ts, last_ts, seq, point_count, data FROM nl_history_chunk"
                + " WHERE series_id <= "
                + maxId);
        run(
            c,
            "INSERT INTO nl_history_tail (agent_id, seq, last_ts, data) SELECT agent_id || "
                + suffix
                + ", seq, last_ts, data FROM nl_history_tail WHERE agent_id NOT LIKE '%-c%'");
      }
    }
    if (db.kind().equals("PostgreSQL")) {
      // What autovacuum would have done over the day.
      db.execute("VACUUM ANALYZE");
    } else {
      db.execute("CHECKPOINT");
    }
  }

  private static void run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The statements open() runs, each timed alone, to say where its time goes. */
  private static void breakdown(Database db, PrintStream out) throws SQLException {
    restartDatabase(db);
    long t = System.nanoTime();
    db.queryLong("SELECT 1");
    double connect = (System.nanoTime() - t) / 1e6;
    out.printf("  where it goes: first connection %.0f ms", connect);
    for (String sql :
        List.of(
            "SELECT MAX(seq) FROM nl_history_chunk",
            "SELECT MAX(seq) FROM nl_history_tail",
            "SELECT id, agent_id, name FROM nl_history_series",
            "SELECT agent_id, seq, last_ts, data FROM nl_history_tail ORDER BY agent_id, seq")) {
      out.printf("; %s %.0f ms", sql, timeRead(db, sql));
    }
    out.println(" (the rest: Flyway's check and the replay into memory)");
  }

  /** Reads every row of a query; returns milliseconds. */
  private static double timeRead(Database db, String sql) throws SQLException {
    long t = System.nanoTime();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rows = s.executeQuery()) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        rows.getObject(columns);
      }
    }
    return (System.nanoTime() - t) / 1e6;
  }
}
