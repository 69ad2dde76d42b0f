package io.nodelink.metrics.server.access;

/** The outcome of an access check. */
public enum AccessDecision {
  ALLOW,
  /** No (valid) credentials and anonymous callers may not do this: 401. */
  UNAUTHENTICATED,
  /** Authenticated, without the role: 403. */
  FORBIDDEN
}
