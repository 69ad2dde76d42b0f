package io.nodelink.metrics.server.tasks;

import java.util.Locale;

/** What a control task asks of the agent. */
public enum TaskType {
  /** {@code system_info} request (on connect or {@code POST .../system/refresh}). */
  SYSTEM_INFO,
  /** Stream START; while the stream runs, its data carries this task's id. */
  METRICS_START,
  /** Stream STOP. */
  METRICS_STOP,
  /** Stream UPDATE_INTERVAL. */
  METRICS_UPDATE,
  /** A server-side step that needed no agent command (e.g. a stop while SSE clients remain). */
  LOCAL;

  /** The JSON form: lower case. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
