package io.nodelink.metrics.server.prometheus;

import java.time.Duration;

/**
 * Whether anyone needs snapshots converted: a remote-write destination (always), or a scrape within
 * {@link #SCRAPED_RECENTLY}. At thousands of agents the conversion costs more CPU than the rest of
 * ingestion, so without either it does not run.
 */
final class ConversionDemand {

  /** The first scrape after this long without one starts the counters again at 0 (a reset). */
  static final Duration SCRAPED_RECENTLY = Duration.ofMinutes(10);

  private volatile boolean always;
  private volatile boolean everScraped;
  private volatile long lastScrapeMillis;

  void convertAlways() {
    always = true;
  }

  boolean active(long nowMillis) {
    return always || (everScraped && nowMillis - lastScrapeMillis < SCRAPED_RECENTLY.toMillis());
  }

  /**
   * A scrape at {@code nowMillis}.
   *
   * @return true if the conversion was idle until now (it starts from the latest snapshots)
   */
  boolean scraped(long nowMillis) {
    boolean wasActive = active(nowMillis);
    lastScrapeMillis = nowMillis;
    everScraped = true;
    return !wasActive;
  }
}
