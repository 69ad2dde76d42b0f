package io.nodelink.metrics.server.streaming;

import io.nodelink.metrics.server.database.Rows;
import io.nodelink.metrics.server.database.StateDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The manual streaming holds in table {@code nodelink_streaming_hold}; groups comma-separated. */
@ApplicationScoped
public class JdbcHoldRepository implements HoldRepository {

  private static final String UPDATE =
      "UPDATE nodelink_streaming_hold SET interval_seconds = ?, metric_groups = ?"
          + " WHERE agent_id = ?";
  private static final String INSERT =
      "INSERT INTO nodelink_streaming_hold (interval_seconds, metric_groups, agent_id)"
          + " VALUES (?, ?, ?)";
  private static final String DELETE = "DELETE FROM nodelink_streaming_hold WHERE agent_id = ?";
  private static final String SELECT =
      "SELECT agent_id, interval_seconds, metric_groups FROM nodelink_streaming_hold";

  private final StateDatabase database;

  @Inject
  public JdbcHoldRepository(StateDatabase database) {
    this.database = database;
  }

  /** For the CDI proxy only. */
  protected JdbcHoldRepository() {
    this(null);
  }

  @Override
  public void save(ManualHold hold) {
    database.write(key(hold.agentId()), connection -> upsert(connection, hold));
  }

  @Override
  public void delete(String agentId) {
    database.write(
        key(agentId),
        connection -> {
          try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, agentId);
            delete.executeUpdate();
          }
        });
  }

  @Override
  public List<ManualHold> loadAll() {
    if (!database.isEnabled()) {
      return List.of();
    }
    try {
      return database.read(JdbcHoldRepository::selectAll);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the streaming holds: " + e.getMessage(), e);
    }
  }

  private static String key(String agentId) {
    return "hold:" + agentId;
  }

  private static void upsert(Connection connection, ManualHold hold) throws SQLException {
    Rows.updateElseInsert(connection, UPDATE, INSERT, statement -> bind(statement, hold));
  }

  private static void bind(PreparedStatement statement, ManualHold hold) throws SQLException {
    statement.setInt(1, hold.intervalSeconds());
    statement.setString(2, String.join(",", hold.groups()));
    statement.setString(3, hold.agentId());
  }

  private static List<ManualHold> selectAll(Connection connection) throws SQLException {
    List<ManualHold> holds = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(SELECT);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String groups = rows.getString("metric_groups");
        holds.add(
            new ManualHold(
                rows.getString("agent_id"),
                rows.getInt("interval_seconds"),
                groups.isEmpty() ? List.of() : Arrays.asList(groups.split(","))));
      }
    }
    return holds;
  }
}
