package io.nodelink.metrics.server.tasks;

import io.nodelink.metrics.pb.MetricsRequest;
import io.nodelink.metrics.pb.MetricsStreamRequest;
import io.nodelink.metrics.pb.SystemInfoRequest;
import io.nodelink.metrics.pb.TaskCancel;
import io.nodelink.metrics.pb.TaskRequest;
import java.util.List;

/** The {@link TaskRequest}s the server sends, built one way everywhere. */
public final class AgentCommands {

  private AgentCommands() {}

  /** Asks for hardware, software and network information. */
  public static TaskRequest systemInfo(String taskId) {
    SystemInfoRequest request =
        SystemInfoRequest.newBuilder()
            .setIncludeHardware(true)
            .setIncludeSoftware(true)
            .setIncludeNetwork(true)
            .build();
    return metrics(taskId, MetricsRequest.newBuilder().setSystemInfo(request).build());
  }

  /** START streaming every {@code intervalSeconds}; empty groups means all. */
  public static TaskRequest start(String taskId, int intervalSeconds, List<String> groups) {
    return stream(taskId, MetricsStreamRequest.Action.START, intervalSeconds, groups);
  }

  /** UPDATE_INTERVAL of the running stream. */
  public static TaskRequest updateInterval(
      String taskId, int intervalSeconds, List<String> groups) {
    return stream(taskId, MetricsStreamRequest.Action.UPDATE_INTERVAL, intervalSeconds, groups);
  }

  /** STOP the running stream. */
  public static TaskRequest stop(String taskId) {
    return stream(taskId, MetricsStreamRequest.Action.STOP, 0, List.of());
  }

  /** Cancel task {@code taskId} (for a stream: stop it). */
  public static TaskRequest cancel(String taskId, String reason) {
    return TaskRequest.newBuilder()
        .setTaskId(taskId)
        .setTaskCancel(TaskCancel.newBuilder().setReason(reason))
        .build();
  }

  private static TaskRequest stream(
      String taskId, MetricsStreamRequest.Action action, int intervalSeconds, List<String> groups) {
    MetricsStreamRequest request =
        MetricsStreamRequest.newBuilder()
            .setAction(action)
            .setIntervalSeconds(intervalSeconds)
            .addAllMetrics(groups)
            .build();
    return metrics(taskId, MetricsRequest.newBuilder().setStreamRequest(request).build());
  }

  private static TaskRequest metrics(String taskId, MetricsRequest request) {
    return TaskRequest.newBuilder().setTaskId(taskId).setMetricsRequest(request).build();
  }
}
