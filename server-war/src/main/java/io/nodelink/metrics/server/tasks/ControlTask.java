package io.nodelink.metrics.server.tasks;

import java.time.Instant;

/** One task's mutable status; transitions stop at a final status. */
final class ControlTask {

  private final String taskId;
  private final String agentId;
  private final TaskType type;
  private final Instant createdAt;
  private final int intervalSeconds;
  private TaskStatus status = TaskStatus.PENDING;
  private Instant updatedAt;
  private String message;
  private String error = "";

  ControlTask(
      String taskId,
      String agentId,
      TaskType type,
      int intervalSeconds,
      String message,
      Instant now) {
    this.taskId = taskId;
    this.agentId = agentId;
    this.type = type;
    this.intervalSeconds = intervalSeconds;
    this.message = message;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A task as it was stored before a restart. */
  static ControlTask restored(TaskView view) {
    ControlTask task =
        new ControlTask(
            view.taskId(),
            view.agentId(),
            view.type(),
            view.intervalSeconds(),
            view.message(),
            view.createdAt());
    task.status = view.status();
    task.updatedAt = view.updatedAt();
    task.error = view.error() == null ? "" : view.error();
    return task;
  }

  synchronized TaskStatus status() {
    return status;
  }

  String id() {
    return taskId;
  }

  String agentId() {
    return agentId;
  }

  /**
   * Moves to {@code next} unless already final.
   *
   * @return whether the task changed
   */
  synchronized boolean transition(
      TaskStatus next, String newMessage, String newError, Instant now) {
    if (status.isFinal()) {
      return false;
    }
    status = next;
    updatedAt = now;
    if (newMessage != null) {
      message = newMessage;
    }
    if (newError != null) {
      error = newError;
    }
    return true;
  }

  synchronized boolean finishedBefore(Instant cutoff) {
    return status.isFinal() && updatedAt.isBefore(cutoff);
  }

  synchronized TaskView view() {
    return new TaskView(
        taskId, agentId, type, status, createdAt, updatedAt, message, error, intervalSeconds);
  }
}
