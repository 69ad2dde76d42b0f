package io.nodelink.metrics.server.access;

import java.util.Locale;

/** The application's security roles, as declared in {@code web.xml} and bound in server.xml. */
public enum Role {
  /** Reads: every GET, the SSE streams, the dashboard. */
  VIEWER,
  /** Changes state: streaming start/stop, system refresh, task cancel; implies viewer. */
  OPERATOR;

  /** The role name in {@code web.xml} and {@code application-bnd}. */
  public String roleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether holding this role grants {@code wanted}. */
  public boolean grants(Role wanted) {
    return compareTo(wanted) >= 0;
  }
}
