package io.nodelink.metrics.bench.load;

import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** The errors one scenario counts, from every side of the benchmark. */
final class Counters {
  /** Non-2xx answers and failed HTTP exchanges (SSE connects, metrics/start). */
  final LongAdder httpErrors = new LongAdder();

  /** SSE streams that ended while the benchmark still listened. */
  final LongAdder sseDisconnects = new LongAdder();

  /** Events of another agent on a client's stream (must stay 0). */
  final LongAdder foreignEvents = new LongAdder();

  /** Warnings the simulated agents logged (e.g. "server not keeping up; skipped"). */
  final LongAdder agentWarnings = new LongAdder();

  /** A log handler that counts the agents' warnings; installed on the agent's root logger. */
  Handler warningCounter() {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          agentWarnings.increment();
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
