package io.nodelink.metrics.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nodelink.metrics.server.testing.DatabaseKind;
import io.nodelink.metrics.server.testing.TestDatabases;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(TestDatabases.class)
class StateDatabaseTest {

  private final TestDatabases databases;

  StateDatabaseTest(TestDatabases databases) {
    this.databases = databases;
  }

  /** Flyway quotes its table's name, so it is lower case on H2 too. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void migratesTheServerTablesOnceWithItsOwnHistoryTable(DatabaseKind kind) throws SQLException {
    DataSource dataSource = databases.fresh(kind);

    assertThat(SchemaMigration.migrate(dataSource))
        .isEqualTo(4); // V1 state, V2 alerts, V3 cluster, V4 task holder
    assertThat(SchemaMigration.migrate(dataSource)).isZero();

    assertThat(count(dataSource, "SELECT COUNT(*) FROM \"nodelink_server_schema_history\""))
        .isPositive();
    assertThat(count(dataSource, "SELECT COUNT(*) FROM nodelink_agent")).isZero();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void migratesNextToAnotherMigrationSetsTables(DatabaseKind kind) throws SQLException {
    DataSource dataSource = databases.fresh(kind);
    execute(dataSource, "CREATE TABLE other_history (id INTEGER)");

    assertThat(SchemaMigration.migrate(dataSource))
        .isEqualTo(4); // V1 state, V2 alerts, V3 cluster, V4 task holder

    assertThat(count(dataSource, "SELECT COUNT(*) FROM nodelink_task")).isZero();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theLatestWriteOfAKeyWins(DatabaseKind kind) throws SQLException {
    StateDatabase state = databases.state(databases.fresh(kind));

    for (int i = 1; i <= 5; i++) {
      int value = i;
      state.write("one", c -> replace(c, "one", value));
    }
    state.write("two", c -> replace(c, "two", 7));

    assertThat(state.flush()).isTrue();
    assertThat(valuesIn(state)).containsExactly("one=5", "two=7");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aWriteTheDatabaseRefusesIsDroppedAndTheOthersGoOn(DatabaseKind kind) throws SQLException {
    StateDatabase state = databases.state(databases.fresh(kind));

    state.write("bad", c -> execute(c, "INSERT INTO no_such_table VALUES (1)"));
    state.write("good", c -> replace(c, "good", 1));

    assertThat(state.flush()).isTrue();
    assertThat(state.droppedWrites()).isEqualTo(1);
    assertThat(valuesIn(state)).containsExactly("good=1");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void writesWaitWhileTheDatabaseIsDownAndArriveWhenItIsBack(DatabaseKind kind)
      throws SQLException {
    SwitchableDataSource dataSource = new SwitchableDataSource(databases.fresh(kind));
    dataSource.up = false;
    StateDatabase state = databases.state(dataSource, Duration.ofMillis(20));

    state.write("a", c -> replace(c, "a", 1));
    state.write("b", c -> replace(c, "b", 2));
    await().until(state::isDown);
    assertThat(state.pendingWrites()).isEqualTo(2);
    assertThat(state.flush()).isFalse();

    dataSource.up = true;

    await().until(() -> state.pendingWrites() == 0);
    assertThat(state.isDown()).isFalse();
    assertThat(valuesIn(state)).containsExactly("a=1", "b=2");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aReadWhileTheDatabaseIsDownFails(DatabaseKind kind) {
    SwitchableDataSource dataSource = new SwitchableDataSource(databases.fresh(kind));
    dataSource.up = false;
    StateDatabase state = databases.state(dataSource);

    assertThatThrownBy(() -> valuesIn(state)).isInstanceOf(SQLException.class);
  }

  /** A scratch key-value table in the state database (the schema is migrated by then). */
  private static void replace(Connection c, String key, int value) throws SQLException {
    execute(c, "CREATE TABLE IF NOT EXISTS test_kv (k VARCHAR(10) PRIMARY KEY, v INTEGER)");
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM test_kv WHERE k = ?")) {
      delete.setString(1, key);
      delete.executeUpdate();
    }
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO test_kv VALUES (?, ?)")) {
      insert.setString(1, key);
      insert.setInt(2, value);
      insert.executeUpdate();
    }
  }

  private static List<String> valuesIn(StateDatabase state) throws SQLException {
    return state.read(StateDatabaseTest::values);
  }

  private static List<String> values(Connection c) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement("SELECT k, v FROM test_kv ORDER BY k");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        values.add(rows.getString(1) + "=" + rows.getInt(2));
      }
    }
    return values;
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.execute();
    }
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      execute(c, sql);
    }
  }

  private static long count(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** A real database that the test can make unreachable, as a stopped server would be. */
  private static final class SwitchableDataSource implements DataSource {
    private final DataSource real;
    volatile boolean up = true;

    SwitchableDataSource(DataSource real) {
      this.real = real;
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (!up) {
        throw new SQLException("connection refused (test: database down)", "08001");
      }
      return real.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
