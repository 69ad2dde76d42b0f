package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.database.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of {@code nodelink_cluster_node} and {@code nodelink_agent_owner}. */
final class ClusterTables {

  /** A server of the cluster as its last heartbeat left it. */
  record Node(String nodeId, String url, long heartbeatAtMillis) {}

  /** Which server an agent is on, since when. */
  record Owner(String agentId, String nodeId, long sinceMillis) {}

  private ClusterTables() {}

  static void heartbeat(Connection connection, String nodeId, String url, long nowMillis)
      throws SQLException {
    Rows.updateElseInsert(
        connection,
        "UPDATE nodelink_cluster_node SET url = ?, heartbeat_at = ? WHERE node_id = ?",
        "INSERT INTO nodelink_cluster_node (url, heartbeat_at, node_id) VALUES (?, ?, ?)",
        statement -> {
          statement.setString(1, url);
          statement.setLong(2, nowMillis);
          statement.setString(3, nodeId);
        });
  }

  static void leave(Connection connection, String nodeId) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM nodelink_cluster_node WHERE node_id = ?")) {
      delete.setString(1, nodeId);
      delete.executeUpdate();
    }
  }

  /** The servers whose heartbeat is not older than {@code sinceMillis}. */
  static List<Node> liveNodes(Connection connection, long sinceMillis) throws SQLException {
    List<Node> nodes = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT node_id, url, heartbeat_at FROM nodelink_cluster_node"
                + " WHERE heartbeat_at >= ? ORDER BY node_id")) {
      select.setLong(1, sinceMillis);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          nodes.add(new Node(rows.getString(1), rows.getString(2), rows.getLong(3)));
        }
      }
    }
    return nodes;
  }

  /** The agent is on {@code nodeId} from {@code sinceMillis} on (the latest connection wins). */
  static void own(Connection connection, Owner owner) throws SQLException {
    Rows.updateElseInsert(
        connection,
        "UPDATE nodelink_agent_owner SET node_id = ?, since = ? WHERE agent_id = ?",
        "INSERT INTO nodelink_agent_owner (node_id, since, agent_id) VALUES (?, ?, ?)",
        statement -> {
          statement.setString(1, owner.nodeId());
          statement.setLong(2, owner.sinceMillis());
          statement.setString(3, owner.agentId());
        });
  }

  /** The agent left {@code nodeId}; a row another server wrote meanwhile stays. */
  static void disown(Connection connection, String agentId, String nodeId) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM nodelink_agent_owner WHERE agent_id = ? AND node_id = ?")) {
      delete.setString(1, agentId);
      delete.setString(2, nodeId);
      delete.executeUpdate();
    }
  }

  static Optional<Owner> ownerOf(Connection connection, String agentId) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT node_id, since FROM nodelink_agent_owner WHERE agent_id = ?")) {
      select.setString(1, agentId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next()
            ? Optional.of(new Owner(agentId, rows.getString(1), rows.getLong(2)))
            : Optional.empty();
      }
    }
  }

  /** The agents whose row names a server other than {@code nodeId}, with that server. */
  static List<Owner> ownedByOthers(Connection connection, String nodeId) throws SQLException {
    List<Owner> owners = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT agent_id, node_id, since FROM nodelink_agent_owner WHERE node_id <> ?")) {
      select.setString(1, nodeId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          owners.add(new Owner(rows.getString(1), rows.getString(2), rows.getLong(3)));
        }
      }
    }
    return owners;
  }
}
