package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** Process counts of a {@link MetricsSnapshot}. */
public record ProcessMetrics(
    @JsonbProperty("total_processes") long totalProcesses,
    @JsonbProperty("running_processes") long runningProcesses,
    @JsonbProperty("sleeping_processes") long sleepingProcesses,
    @JsonbProperty("zombie_processes") long zombieProcesses,
    @JsonbProperty("task_processes") List<TaskProcessMetrics> taskProcesses) {

  /** Lists and maps are never null: a missing one reads as empty. */
  public ProcessMetrics {
    taskProcesses = taskProcesses == null ? List.of() : List.copyOf(taskProcesses);
  }
}
