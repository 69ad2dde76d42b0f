package io.nodelink.metrics.server.tasks;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Where the {@link TaskRegistry} keeps recent tasks across restarts. Saves and deletes are queued
 * and applied later; a load runs at once. In a cluster each server loads the tasks it holds.
 */
public interface TaskRepository {

  /** Keeps nothing (unit tests that only look at the registry). */
  TaskRepository NONE =
      new TaskRepository() {
        @Override
        public void save(TaskView task) {}

        @Override
        public void delete(String taskId) {}

        @Override
        public void deleteAgent(String agentId) {}

        @Override
        public List<TaskView> loadAll() {
          return List.of();
        }
      };

  /** Keeps the task as it is now. */
  void save(TaskView task);

  void delete(String taskId);

  /** Deletes every task of the agent. */
  void deleteAgent(String agentId);

  /**
   * Every stored task.
   *
   * @throws IllegalStateException if the store cannot be read
   */
  List<TaskView> loadAll();

  /**
   * Which server holds the task, in a cluster: its node id ('' for a server alone), if stored.
   *
   * @throws SQLException if the store cannot be read
   */
  default Optional<String> holderOf(String taskId) throws SQLException {
    return Optional.empty();
  }

  /**
   * The other servers that hold stored tasks (not this one, not a server alone).
   *
   * @throws SQLException if the store cannot be read
   */
  default List<String> otherHolders() throws SQLException {
    return List.of();
  }

  /**
   * Makes this server the holder of every task of a server that is gone.
   *
   * @return the tasks this server took (another server taking over at once gets the rest)
   * @throws SQLException if the store cannot be read or written
   */
  default List<TaskView> takeOver(String goneHolder) throws SQLException {
    return List.of();
  }
}
