package io.nodelink.metrics.server.tasks;

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
          + " updated_at = ?, message = ?, error = ?, interval_seconds = ? WHERE task_id = ?";
  private static final String INSERT =
      "INSERT INTO nodelink_task (agent_id, task_type, status, created_at, updated_at, message,"
          + " error, interval_seconds, task_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String DELETE = "DELETE FROM nodelink_task WHERE task_id = ?";
  private static final String DELETE_AGENT = "DELETE FROM nodelink_task WHERE agent_id = ?";
  private static final String SELECT =
      "SELECT task_id, agent_id, task_type, status, created_at, updated_at, message, error,"
          + " interval_seconds FROM nodelink_task";

  private final StateDatabase database;

  @Inject
  public JdbcTaskRepository(StateDatabase database) {
    this.database = database;
  }

  /** For the CDI proxy only. */
  protected JdbcTaskRepository() {
    this(null);
  }

  @Override
  public void save(TaskView task) {
    database.write("task:" + task.taskId(), connection -> upsert(connection, task));
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
      return database.read(JdbcTaskRepository::selectAll);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the stored tasks: " + e.getMessage(), e);
    }
  }

  private static void execute(Connection connection, String sql, String id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, id);
      statement.executeUpdate();
    }
  }

  private static void upsert(Connection connection, TaskView task) throws SQLException {
    Rows.updateElseInsert(connection, UPDATE, INSERT, statement -> bind(statement, task));
  }

  private static void bind(PreparedStatement statement, TaskView task) throws SQLException {
    statement.setString(1, task.agentId());
    statement.setString(2, task.type().name());
    statement.setString(3, task.status().name());
    Rows.setInstant(statement, 4, task.createdAt());
    Rows.setInstant(statement, 5, task.updatedAt());
    statement.setString(6, Rows.bounded(task.message(), TEXT_MAX));
    statement.setString(7, Rows.bounded(task.error(), TEXT_MAX));
    statement.setInt(8, task.intervalSeconds());
    statement.setString(9, task.taskId());
  }

  private static List<TaskView> selectAll(Connection connection) throws SQLException {
    List<TaskView> tasks = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(SELECT);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        try {
          tasks.add(task(rows));
        } catch (IllegalArgumentException e) {
          // A type or status this version does not know (written by a newer one): skip the row.
          LOG.log(Level.WARNING, "Stored task {0} is unreadable; skipped", rows.getString(1));
        }
      }
    }
    return tasks;
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
