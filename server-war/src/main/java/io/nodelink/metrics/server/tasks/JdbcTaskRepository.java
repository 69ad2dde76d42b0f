package io.nodelink.metrics.server.tasks;

import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.database.Rows;
import io.nodelink.metrics.server.database.StateDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Recent tasks in table {@code nodelink_task}. */
@ApplicationScoped
public class JdbcTaskRepository implements TaskRepository {

  private static final Logger LOG = Logger.getLogger(JdbcTaskRepository.class.getName());

  /** The width of the message and error columns. */
  static final int TEXT_MAX = 2000;

  private static final String UPDATE =
      "UPDATE nodelink_task SET agent_id = ?, task_type = ?, status = ?, created_at = ?,"
          + " updated_at = ?, message = ?, error = ?, interval_seconds = ?, node_id = ?"
          + " WHERE task_id = ?";
  private static final String INSERT =
      "INSERT INTO nodelink_task (agent_id, task_type, status, created_at, updated_at, message,"
          + " error, interval_seconds, node_id, task_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String DELETE = "DELETE FROM nodelink_task WHERE task_id = ?";
  private static final String DELETE_AGENT = "DELETE FROM nodelink_task WHERE agent_id = ?";
  private static final String SELECT =
      "SELECT task_id, agent_id, task_type, status, created_at, updated_at, message, error,"
          + " interval_seconds FROM nodelink_task";

  /** A server's own tasks, and those written before servers had names (a server alone). */
  private static final String SELECT_OWN = SELECT + " WHERE node_id IN (?, '')";

  private static final String SELECT_HELD_BY = SELECT + " WHERE node_id = ?";
  private static final String SELECT_HOLDER = "SELECT node_id FROM nodelink_task WHERE task_id = ?";
  private static final String SELECT_OTHER_HOLDERS =
      "SELECT DISTINCT node_id FROM nodelink_task WHERE node_id NOT IN (?, '')";

  /** Hands one task over only if it is still held by the server that is gone. */
  private static final String TAKE_OVER =
      "UPDATE nodelink_task SET node_id = ? WHERE task_id = ? AND node_id = ?";

  private final StateDatabase database;

  /** The server that holds the tasks saved here: its cluster node id, '' for a server alone. */
  private final String holder;

  @Inject
  public JdbcTaskRepository(StateDatabase database, ServerConfig config) {
    this(database, config.clusterNodeId());
  }

  /** Tasks of a server alone. */
  public JdbcTaskRepository(StateDatabase database) {
    this(database, "");
  }

  public JdbcTaskRepository(StateDatabase database, String holder) {
    this.database = database;
    this.holder = holder;
  }

  /** For the CDI proxy only. */
  protected JdbcTaskRepository() {
    this(null, "");
  }

  @Override
  public void save(TaskView task) {
    database.write("task:" + task.taskId(), connection -> upsert(connection, task, holder));
  }

  @Override
  public void delete(String taskId) {
    database.write("task:" + taskId, connection -> execute(connection, DELETE, taskId));
  }

  @Override
  public void deleteAgent(String agentId) {
    database.write(
        "agent-tasks:" + agentId, connection -> execute(connection, DELETE_AGENT, agentId));
  }

  @Override
  public List<TaskView> loadAll() {
    if (!database.isEnabled()) {
      return List.of();
    }
    try {
      return database.read(connection -> select(connection, SELECT_OWN, holder));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the stored tasks: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<String> holderOf(String taskId) throws SQLException {
    if (!database.isEnabled()) {
      return Optional.empty();
    }
    return database.read(
        connection -> {
          List<String> holders = strings(connection, SELECT_HOLDER, taskId);
          return holders.isEmpty() ? Optional.empty() : Optional.of(holders.get(0));
        });
  }

  @Override
  public List<String> otherHolders() throws SQLException {
    if (!database.isEnabled()) {
      return List.of();
    }
    return database.read(connection -> strings(connection, SELECT_OTHER_HOLDERS, holder));
  }

  @Override
  public List<TaskView> takeOver(String goneHolder) throws SQLException {
    if (!database.isEnabled()) {
      return List.of();
    }
    return database.read(connection -> takeOver(connection, goneHolder));
  }

  /**
   * Each task is handed over by a conditional update of its own: when several servers take over at
   * once, every task ends up with exactly one of them.
   */
  private List<TaskView> takeOver(Connection connection, String goneHolder) throws SQLException {
    List<TaskView> taken = new ArrayList<>();
    try (PreparedStatement update = connection.prepareStatement(TAKE_OVER)) {
      for (TaskView task : select(connection, SELECT_HELD_BY, goneHolder)) {
        update.setString(1, holder);
        update.setString(2, task.taskId());
        update.setString(3, goneHolder);
        if (update.executeUpdate() == 1) {
          taken.add(task);
        }
      }
    }
    return taken;
  }

  private static void execute(Connection connection, String sql, String id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, id);
      statement.executeUpdate();
    }
  }

  private static void upsert(Connection connection, TaskView task, String holder)
      throws SQLException {
    Rows.updateElseInsert(connection, UPDATE, INSERT, statement -> bind(statement, task, holder));
  }

  private static void bind(PreparedStatement statement, TaskView task, String holder)
      throws SQLException {
    statement.setString(1, task.agentId());
    statement.setString(2, task.type().name());
    statement.setString(3, task.status().name());
    Rows.setInstant(statement, 4, task.createdAt());
    Rows.setInstant(statement, 5, task.updatedAt());
    statement.setString(6, Rows.bounded(task.message(), TEXT_MAX));
    statement.setString(7, Rows.bounded(task.error(), TEXT_MAX));
    statement.setInt(8, task.intervalSeconds());
    statement.setString(9, holder);
    statement.setString(10, task.taskId());
  }

  private static List<TaskView> select(Connection connection, String sql, String parameter)
      throws SQLException {
    List<TaskView> tasks = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, parameter);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          try {
            tasks.add(task(rows));
          } catch (IllegalArgumentException e) {
            // A type or status this version does not know (written by a newer one): skip the row.
            LOG.log(Level.WARNING, "Stored task {0} is unreadable; skipped", rows.getString(1));
          }
        }
      }
    }
    return tasks;
  }

  private static List<String> strings(Connection connection, String sql, String parameter)
      throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, parameter);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
    }
    return values;
  }

  private static TaskView task(ResultSet rows) throws SQLException {
    return new TaskView(
        rows.getString("task_id"),
        rows.getString("agent_id"),
        TaskType.valueOf(rows.getString("task_type")),
        TaskStatus.valueOf(rows.getString("status")),
        Rows.instant(rows, "created_at"),
        Rows.instant(rows, "updated_at"),
        rows.getString("message"),
        rows.getString("error"),
        rows.getInt("interval_seconds"));
  }
}
