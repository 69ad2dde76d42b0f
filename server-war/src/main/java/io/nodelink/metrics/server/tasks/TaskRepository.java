package io.nodelink.metrics.server.tasks;

import java.util.List;

/**
 * Where the {@link TaskRegistry} keeps recent tasks across restarts. Saves and deletes are queued
 * and applied later; a load runs at once.
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
}
