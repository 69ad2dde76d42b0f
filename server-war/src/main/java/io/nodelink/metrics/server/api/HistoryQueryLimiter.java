package io.nodelink.metrics.server.api;

import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;

/**
 * At most {@code nodelink.history.max-concurrent-queries} history queries run at once; one more is
 * refused at once (503 with {@code Retry-After}) rather than queued, so a burst of heavy queries
 * cannot take every request thread and the heap with it.
 */
@ApplicationScoped
public class HistoryQueryLimiter {

  /** A query takes well under a second: retrying after one is reasonable. */
  static final int RETRY_AFTER_SECONDS = 1;

  private final int limit;
  private final Semaphore permits;

  @Inject
  public HistoryQueryLimiter(ServerConfig config) {
    this(config.historyMaxConcurrentQueries());
  }

  public HistoryQueryLimiter(int limit) {
    this.limit = limit;
    this.permits = new Semaphore(limit);
  }

  /** For the CDI proxy only. */
  protected HistoryQueryLimiter() {
    this(1);
  }

  /**
   * A permit to run one query; close it when the query is done.
   *
   * @throws DomainException (503, retry after a second) when every permit is taken
   */
  public Permit acquire() {
    if (!permits.tryAcquire()) {
      throw DomainException.limitReached(
          "too many history queries at once (limit "
              + limit
              + ", nodelink.history.max-concurrent-queries); try again shortly",
          RETRY_AFTER_SECONDS);
    }
    return permits::release;
  }

  /** Held while one query runs. */
  @FunctionalInterface
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }
}
