package io.nodelink.metrics.history.durable;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.history.TimePoint;
import io.nodelink.metrics.history.compact.HistorySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that dies the moment a flush returned (as under {@code kill -9}) keeps every point of
 * that flush on the embedded H2 database, whose commits otherwise wait in memory for its write
 * delay. The store runs in a child JVM that halts; this one reopens the file.
 */
class ProcessDeathTest {

  private static final long T0 = 1_700_000_000L;
  private static final int POINTS = 30;

  @TempDir Path dir;

  @Test
  void aFlushIsOnDiskWhenItReturns() throws Exception {
    Path database = dir.resolve("history");
    Process child =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FlushThenHalt.class.getName(),
                database.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
    assertThat(child.exitValue())
        .as("the child halted after its flush: %s", Files.readString(dir.resolve("child.log")))
        .isEqualTo(FlushThenHalt.HALTED);

    DurableHistoryStore reopened = FlushThenHalt.open(database, T0 + 100);
    List<TimePoint> points =
        reopened
            .query("a1", new RangeQuery(Set.of(), T0, T0 + POINTS, 0, 1_000, Aggregation.AVG))
            .points();
    assertThat(points).hasSize(POINTS);
    reopened.close();
  }

  /** The child: opens the store, appends, flushes, and halts without closing anything. */
  static final class FlushThenHalt {

    static final int HALTED = 9;

    public static void main(String[] args) throws SQLException {
      MovableClock clock = new MovableClock(T0);
      JdbcDataSource ds = dataSource(Path.of(args[0]));
      // Open as long as the process lives, like a server's connection pool (H2 closes, and so
      // writes out, a database whose last connection closes).
      Connection held = ds.getConnection();
      DurableHistoryStore store = open(ds, clock);
      // A flush per point, as a server flushes: the last ones are still in H2's memory when the
      // process dies, unless each flush wrote itself out.
      for (long t = T0; t < T0 + POINTS; t++) {
        clock.set(t);
        SeriesBatch batch = new SeriesBatch(1);
        batch.add("cpu.usage_percent", t % 100);
        store.appendAll("a1", t, batch);
        if (!store.flush()) {
          System.exit(1);
        }
      }
      Runtime.getRuntime().halt(held.isClosed() ? 1 : HALTED);
    }

    static DurableHistoryStore open(Path database, long nowSeconds) throws SQLException {
      return open(dataSource(database), new MovableClock(nowSeconds));
    }

    private static JdbcDataSource dataSource(Path database) {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE");
      return ds;
    }

    private static DurableHistoryStore open(JdbcDataSource ds, MovableClock clock)
        throws SQLException {
      return DurableHistoryStore.open(
          ds,
          HistorySettings.defaults().withMemoryBudgetBytes(0),
          DurableSettings.defaults(),
          Runnable::run,
          clock);
    }
  }
}
