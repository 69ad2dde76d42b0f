package io.nodelink.metrics.server.agents;

import io.nodelink.metrics.server.database.Rows;
import io.nodelink.metrics.server.database.StateDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The known agents in table {@code nodelink_agent}; {@code first_seen} is set once. */
@ApplicationScoped
public class JdbcAgentRepository implements AgentRepository {

  private static final String UPDATE =
      "UPDATE nodelink_agent SET connected_at = ?, last_seen = ?, last_update = ?,"
          + " disconnected_at = ? WHERE agent_id = ?";
  private static final String INSERT =
      "INSERT INTO nodelink_agent (connected_at, last_seen, last_update, disconnected_at,"
          + " agent_id, first_seen) VALUES (?, ?, ?, ?, ?, ?)";
  private static final String DELETE = "DELETE FROM nodelink_agent WHERE agent_id = ?";
  private static final String SELECT =
      "SELECT agent_id, connected_at, last_seen, last_update, disconnected_at FROM nodelink_agent";

  private final StateDatabase database;

  @Inject
  public JdbcAgentRepository(StateDatabase database) {
    this.database = database;
  }

  /** For the CDI proxy only. */
  protected JdbcAgentRepository() {
    this(null);
  }

  @Override
  public void save(AgentState state) {
    database.write(key(state.agentId()), connection -> upsert(connection, state));
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
  public List<AgentState> loadAll() {
    if (!database.isEnabled()) {
      return List.of();
    }
    try {
      return database.read(JdbcAgentRepository::selectAll);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the stored agents: " + e.getMessage(), e);
    }
  }

  private static String key(String agentId) {
    return "agent:" + agentId;
  }

  /** Update, else insert: portable (no MERGE on PostgreSQL 14), and one writer at a time. */
  private static void upsert(Connection connection, AgentState state) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
      bind(update, state);
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(insert, state);
      Instant firstSeen = state.connectedAt() != null ? state.connectedAt() : state.lastSeen();
      Rows.setInstant(insert, 6, firstSeen != null ? firstSeen : Instant.EPOCH);
      insert.executeUpdate();
    }
  }

  private static void bind(PreparedStatement statement, AgentState state) throws SQLException {
    Rows.setInstant(statement, 1, state.connectedAt());
    Rows.setInstant(statement, 2, state.lastSeen());
    Rows.setInstant(statement, 3, state.lastUpdate());
    Rows.setInstant(statement, 4, state.disconnectedAt());
    statement.setString(5, state.agentId());
  }

  private static List<AgentState> selectAll(Connection connection) throws SQLException {
    List<AgentState> agents = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(SELECT);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        agents.add(
            new AgentState(
                rows.getString("agent_id"),
                false,
                Rows.instant(rows, "connected_at"),
                Rows.instant(rows, "last_seen"),
                Rows.instant(rows, "last_update"),
                Rows.instant(rows, "disconnected_at")));
      }
    }
    return agents;
  }
}
