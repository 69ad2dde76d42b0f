package io.nodelink.metrics.server.cleanup;

import io.nodelink.metrics.server.config.ServerConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link Housekeeping} every {@code nodelink.cleanup.interval} (default 5 min) on a
 * programmatic, non-persistent EJB timer: the timer itself is not stored in a database and a
 * restart simply starts a new timer.
 */
@Singleton
@Startup
public class CleanupTimer {

  private static final Logger LOG = Logger.getLogger(CleanupTimer.class.getName());

  @Resource TimerService timers;

  @Inject ServerConfig config;

  @Inject Housekeeping housekeeping;

  @PostConstruct
  void schedule() {
    long interval = config.cleanupInterval().toMillis();
    timers.createIntervalTimer(interval, interval, new TimerConfig("nodelink-cleanup", false));
    LOG.log(Level.INFO, "Cleanup every {0}", config.cleanupInterval());
  }

  /**
   * Outside a container transaction: the pass commits its own writes (the data source is not
   * transactional), and it may wait for a history flush longer than the transaction timeout (120
   * s), which would roll the callback back and have the container run it again at once.
   */
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void cleanup() {
    try {
      housekeeping.runOnce();
    } catch (RuntimeException e) {
      // A failed pass must not cancel the timer; the next one tries again.
      LOG.log(Level.WARNING, "Cleanup pass failed", e);
    }
  }
}
