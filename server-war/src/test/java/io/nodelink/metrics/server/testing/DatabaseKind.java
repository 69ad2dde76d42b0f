package io.nodelink.metrics.server.testing;

/** The databases the server's state runs on: the embedded default and the production one. */
public enum DatabaseKind {
  H2,
  POSTGRES
}
