package io.nodelink.metrics.server.store;

import com.google.protobuf.InvalidProtocolBufferException;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.server.database.Rows;
import io.nodelink.metrics.server.database.StateDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each agent's latest system info in table {@code nodelink_agent_system_info}, as the protobuf
 * bytes it arrived in (after sanitising): the API's JSON is mapped from them as from a live one.
 */
@ApplicationScoped
public class JdbcSystemInfoRepository implements SystemInfoRepository {

  private static final Logger LOG = Logger.getLogger(JdbcSystemInfoRepository.class.getName());

  private static final String UPDATE =
      "UPDATE nodelink_agent_system_info SET received_at = ?, info = ? WHERE agent_id = ?";
  private static final String INSERT =
      "INSERT INTO nodelink_agent_system_info (received_at, info, agent_id) VALUES (?, ?, ?)";
  private static final String DELETE = "DELETE FROM nodelink_agent_system_info WHERE agent_id = ?";
  private static final String SELECT = "SELECT agent_id, info FROM nodelink_agent_system_info";

  private final StateDatabase database;
  private final Clock clock;

  @Inject
  public JdbcSystemInfoRepository(StateDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** For the CDI proxy only. */
  protected JdbcSystemInfoRepository() {
    this(null, Clock.systemUTC());
  }

  @Override
  public void save(String agentId, SystemInfoResponse info) {
    long receivedAt = clock.millis();
    byte[] bytes = info.toByteArray();
    database.write(key(agentId), connection -> upsert(connection, agentId, receivedAt, bytes));
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
  public Map<String, SystemInfoResponse> loadAll() {
    if (!database.isEnabled()) {
      return Map.of();
    }
    try {
      return database.read(JdbcSystemInfoRepository::selectAll);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the stored system info: " + e.getMessage(), e);
    }
  }

  private static String key(String agentId) {
    return "system-info:" + agentId;
  }

  private static void upsert(Connection connection, String agentId, long receivedAt, byte[] info)
      throws SQLException {
    Rows.updateElseInsert(
        connection, UPDATE, INSERT, statement -> bind(statement, agentId, receivedAt, info));
  }

  private static void bind(PreparedStatement statement, String agentId, long at, byte[] info)
      throws SQLException {
    statement.setLong(1, at);
    statement.setBytes(2, info);
    statement.setString(3, agentId);
  }

  private static Map<String, SystemInfoResponse> selectAll(Connection connection)
      throws SQLException {
    Map<String, SystemInfoResponse> infos = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(SELECT);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String agentId = rows.getString("agent_id");
        try {
          infos.put(agentId, SystemInfoResponse.parseFrom(rows.getBytes("info")));
        } catch (InvalidProtocolBufferException e) {
          // One unreadable row must not keep the others from being restored.
          LOG.log(Level.WARNING, "Stored system info of agent {0} is unreadable; skipped", agentId);
        }
      }
    }
    return infos;
  }
}
