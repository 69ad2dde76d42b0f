package io.nodelink.metrics.testkit.protocol;

import io.nodelink.metrics.pb.MetricsRequest;
import io.nodelink.metrics.pb.MetricsStreamRequest;
import io.nodelink.metrics.pb.MetricsStreamRequest.Action;
import io.nodelink.metrics.pb.SystemInfoRequest;
import io.nodelink.metrics.pb.TaskCancel;
import io.nodelink.metrics.pb.TaskRequest;
import java.util.List;

/** Builds and classifies the commands a server sends to an agent. */
public final class TaskRequests {

  private TaskRequests() {}

  /** A stream command ({@code START}, {@code STOP}, {@code UPDATE_INTERVAL}) for {@code groups}. */
  public static TaskRequest stream(String taskId, Action action, int interval, String... groups) {
    return TaskRequest.newBuilder()
        .setTaskId(taskId)
        .setMetricsRequest(
            MetricsRequest.newBuilder()
                .setStreamRequest(
                    MetricsStreamRequest.newBuilder()
                        .setAction(action)
                        .setIntervalSeconds(interval)
                        .addAllMetrics(List.of(groups))))
        .build();
  }

  /** A system-information request. */
  public static TaskRequest systemInfo(String taskId) {
    return TaskRequest.newBuilder()
        .setTaskId(taskId)
        .setMetricsRequest(
            MetricsRequest.newBuilder().setSystemInfo(SystemInfoRequest.getDefaultInstance()))
        .build();
  }

  /** A cancel of task {@code taskId}. */
  public static TaskRequest cancel(String taskId, String reason) {
    return TaskRequest.newBuilder()
        .setTaskId(taskId)
        .setTaskCancel(TaskCancel.newBuilder().setReason(reason))
        .build();
  }

  public static boolean isStart(TaskRequest request) {
    return isStream(request, Action.START);
  }

  public static boolean isStop(TaskRequest request) {
    return isStream(request, Action.STOP);
  }

  public static boolean isUpdateInterval(TaskRequest request) {
    return isStream(request, Action.UPDATE_INTERVAL);
  }

  public static boolean isSystemInfo(TaskRequest request) {
    return request.hasMetricsRequest()
        && request.getMetricsRequest().getRequestTypeCase()
            == MetricsRequest.RequestTypeCase.SYSTEM_INFO;
  }

  public static boolean isCancel(TaskRequest request) {
    return request.hasTaskCancel();
  }

  /** The interval of a stream command (0 if it is none). */
  public static int interval(TaskRequest request) {
    return request.getMetricsRequest().getStreamRequest().getIntervalSeconds();
  }

  /** "START(5s)#id", "STOP#id", "SYSTEM_INFO#id", "CANCEL#id", for failure messages. */
  public static String describe(TaskRequest request) {
    String kind;
    if (request.hasTaskCancel()) {
      kind = "CANCEL";
    } else if (isSystemInfo(request)) {
      kind = "SYSTEM_INFO";
    } else if (request.getMetricsRequest().hasStreamRequest()) {
      MetricsStreamRequest stream = request.getMetricsRequest().getStreamRequest();
      kind = stream.getAction() + "(" + stream.getIntervalSeconds() + "s)";
    } else {
      kind = request.getTaskCase().toString();
    }
    return kind + "#" + request.getTaskId();
  }

  private static boolean isStream(TaskRequest request, Action action) {
    if (!request.hasMetricsRequest()) {
      return false;
    }
    MetricsRequest metrics = request.getMetricsRequest();
    return metrics.getRequestTypeCase() == MetricsRequest.RequestTypeCase.STREAM_REQUEST
        && metrics.getStreamRequest().getAction() == action;
  }
}
