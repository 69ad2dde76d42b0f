package io.nodelink.metrics.server.prometheus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConversionDemandTest {

  private static final long NOW = 1_764_000_000_000L;
  private static final long WINDOW = ConversionDemand.SCRAPED_RECENTLY.toMillis();

  @Test
  void idleUntilTheFirstScrape() {
    // A start value of Long.MIN_VALUE once overflowed "now - last" into "scraped recently".
    ConversionDemand demand = new ConversionDemand();
    assertFalse(demand.active(NOW));
    assertFalse(demand.active(0));
    assertFalse(demand.active(Long.MAX_VALUE));
  }

  @Test
  void activeForTheWindowAfterEachScrape() {
    ConversionDemand demand = new ConversionDemand();
    assertTrue(demand.scraped(NOW), "the first scrape starts the conversion");
    assertTrue(demand.active(NOW + WINDOW - 1));
    assertFalse(demand.scraped(NOW + WINDOW - 1), "a scrape within the window continues it");
    assertTrue(demand.active(NOW + 2 * WINDOW - 2));
    assertFalse(demand.active(NOW + 2 * WINDOW - 1));
    assertTrue(demand.scraped(NOW + 3 * WINDOW), "a scrape after a quiet window starts it again");
  }

  @Test
  void remoteWriteKeepsItActive() {
    ConversionDemand demand = new ConversionDemand();
    demand.convertAlways();
    assertTrue(demand.active(NOW));
    assertFalse(demand.scraped(NOW), "nothing to restart: it never stopped");
  }
}
