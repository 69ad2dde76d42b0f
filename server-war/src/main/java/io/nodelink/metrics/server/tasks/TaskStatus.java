package io.nodelink.metrics.server.tasks;

import java.util.Locale;

/** Where a control task stands, from the server's send and the agent's acknowledgements. */
public enum TaskStatus {
  /** Sent (or about to be); the agent has not answered yet. */
  PENDING,
  /** The agent acknowledged it and is working on it (a running stream stays here). */
  IN_PROGRESS,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** The JSON form: lower case. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isFinal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
