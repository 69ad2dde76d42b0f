package it.support;

import io.nodelink.metrics.pb.MetricsRequest;
import io.nodelink.metrics.pb.MetricsStreamRequest;
import io.nodelink.metrics.pb.MetricsStreamRequest.Action;
import io.nodelink.metrics.pb.TaskRequest;

/** Classifies the commands the server sends to an agent. */
public final class TaskRequests {

  private TaskRequests() {}

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

  private static boolean isStream(TaskRequest request, Action action) {
    if (!request.hasMetricsRequest()) {
      return false;
    }
    MetricsRequest metrics = request.getMetricsRequest();
    if (metrics.getRequestTypeCase() != MetricsRequest.RequestTypeCase.STREAM_REQUEST) {
      return false;
    }
    MetricsStreamRequest stream = metrics.getStreamRequest();
    return stream.getAction() == action;
  }
}
