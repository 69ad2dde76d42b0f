package io.nodelink.metrics.bench.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An H2 file database with the shipped server's URL options; its size is the size of its file.
 * {@code DB_CLOSE_DELAY=-1} keeps it open between pooled connections, as Liberty's pool does.
 */
final class H2Database extends Database {

  private final Path dir;
  private final JdbcDataSource physical = new JdbcDataSource();

  H2Database(Path dir) {
    this.dir = dir;
    physical.setURL(
        "jdbc:h2:file:" + dir.resolve("nodelink") + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1");
  }

  @Override
  DataSource physical() {
    return physical;
  }

  @Override
  String kind() {
    return "H2";
  }

  @Override
  long bytesAsWritten() throws SQLException {
    execute("CHECKPOINT");
    return sizeOf(dir);
  }

  /** A plain SHUTDOWN compacts for at most 200 ms, as when Liberty stops. */
  @Override
  long bytesAfterStop() throws SQLException {
    execute("SHUTDOWN");
    closePool();
    return sizeOf(dir);
  }

  /** SHUTDOWN COMPACT rewrites the file, compressing its pages: smaller than a running H2. */
  @Override
  long bytesCompacted() throws SQLException {
    execute("SHUTDOWN COMPACT");
    closePool();
    return sizeOf(dir);
  }

  /** H2's own estimate of the pages each table and its indexes use (live data, no garbage). */
  @Override
  Map<String, Long> bytesByTable() throws SQLException {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (String table : TABLES) {
      sizes.put(
          table, queryLong("SELECT DISK_SPACE_USED('" + table.toUpperCase(Locale.ROOT) + "')"));
    }
    return sizes;
  }

  @Override
  String compactionNote() {
    return "the whole database file after CHECKPOINT (as written), after SHUTDOWN (stopped) and"
        + " after SHUTDOWN COMPACT (compacted: rewritten with compressed pages)";
  }

  @Override
  public void close() throws SQLException {
    execute("SHUTDOWN");
    super.close();
  }
}
