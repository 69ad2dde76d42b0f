package io.nodelink.metrics.server.sse;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the drains that a broadcast claimed, on the SSE executor, a batch of streams per task. A
 * drain never blocks (it stops when a socket is full), so one task can serve many clients in turn;
 * a task per client cost more in scheduling than the writes themselves.
 */
final class DrainScheduler {

  /** Streams per task: enough to amortise a task, small enough to spread over the threads. */
  static final int STREAMS_PER_TASK = 128;

  private static final Logger LOG = Logger.getLogger(DrainScheduler.class.getName());

  private final Executor executor;

  DrainScheduler(Executor executor) {
    this.executor = executor;
  }

  /** Drains every stream of {@code claimed}, whose drains the caller owns. */
  void drainAll(List<SseStream> claimed) {
    for (int from = 0; from < claimed.size(); from += STREAMS_PER_TASK) {
      List<SseStream> batch =
          claimed.subList(from, Math.min(claimed.size(), from + STREAMS_PER_TASK));
      try {
        executor.execute(() -> batch.forEach(SseStream::drain));
      } catch (RejectedExecutionException e) {
        // A claimed drain that never runs would stall its stream for good: close those instead.
        LOG.log(
            Level.WARNING,
            "Executor refused the SSE writes of {0} clients; closing them",
            batch.size());
        batch.forEach(SseStream::close);
      }
    }
  }
}
