package io.nodelink.metrics.testkit.junit;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes every Awaitility wait of a test run check its condition at once: by default the first check
 * comes after one poll interval (100 ms), so a condition already true cost 100 ms per wait, and the
 * suite waits thousands of times. Registered as a service, so each test JVM with the kit on its
 * class path gets it.
 */
public final class PromptAwaits implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    Awaitility.setDefaultPollDelay(Duration.ZERO);
  }
}
