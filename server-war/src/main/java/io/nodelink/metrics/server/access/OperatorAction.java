package io.nodelink.metrics.server.access;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * What an operator request does, read from its method and path: the action (a short stable name for
 * logs and metric tags) and its target (the agent id, or the task id of a task cancel).
 */
record OperatorAction(String action, String target) {

  /** The action of a state-changing request, e.g. {@code metrics/start} on agent {@code a1}. */
  static OperatorAction of(String method, String path) {
    String[] segments = path.startsWith("/") ? path.substring(1).split("/") : path.split("/");
    if (segments.length >= 2 && segments[0].equals("agents")) {
      String rest = String.join("/", java.util.Arrays.copyOfRange(segments, 2, segments.length));
      String action =
          switch (method + " " + rest) {
            case "POST metrics/start" -> "metrics/start";
            case "POST metrics/stop" -> "metrics/stop";
            case "POST system/refresh" -> "system/refresh";
            default -> "other";
          };
      return new OperatorAction(action, decode(segments[1]));
    }
    if (segments.length == 2 && segments[0].equals("tasks") && method.equals("DELETE")) {
      return new OperatorAction("task/cancel", decode(segments[1]));
    }
    return new OperatorAction("other", "-");
  }

  /** The outcome tag of an HTTP status: done, refused (4xx) or failed (5xx). */
  static String outcome(int status) {
    if (status >= 500) {
      return "failed";
    }
    return status >= 400 ? "refused" : "done";
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}
