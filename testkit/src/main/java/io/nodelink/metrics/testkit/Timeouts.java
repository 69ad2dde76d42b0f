package io.nodelink.metrics.testkit;

import java.time.Duration;

/** How long the kit's await helpers wait before failing a test. */
public final class Timeouts {

  /** Generous for a loaded 2-core build machine; a passing test never waits this long. */
  public static final Duration AWAIT = Duration.ofSeconds(20);

  private Timeouts() {}
}
