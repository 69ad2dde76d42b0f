package io.nodelink.metrics.server.alerts;

import java.util.Locale;

/** Where an alert of one (rule, agent, instance) is: inactive → pending → firing → resolved. */
public enum AlertState {
  INACTIVE,
  PENDING,
  FIRING,
  RESOLVED;

  /** The JSON spelling. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AlertState of(String json) {
    return valueOf(json.toUpperCase(Locale.ROOT));
  }

  /** Pending or firing: shown by {@code GET /alerts}, kept across restarts. */
  public boolean active() {
    return this == PENDING || this == FIRING;
  }
}
