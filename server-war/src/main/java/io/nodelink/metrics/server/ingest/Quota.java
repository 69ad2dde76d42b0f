package io.nodelink.metrics.server.ingest;

/** Which per-agent ingest quota a dropped message exceeded (the {@code quota} metric tag). */
public enum Quota {
  /** {@code nodelink.ingest.max-messages-per-second} (and its burst). */
  MESSAGES("messages"),
  /** {@code nodelink.ingest.max-bytes-per-second} (and its burst). */
  BYTES("bytes");

  private final String tag;

  Quota(String tag) {
    this.tag = tag;
  }

  /** The value of the metric's {@code quota} tag. */
  public String tag() {
    return tag;
  }
}
