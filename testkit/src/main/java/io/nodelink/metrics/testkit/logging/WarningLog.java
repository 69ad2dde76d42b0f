package io.nodelink.metrics.testkit.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The WARNING records one {@code java.util.logging} logger publishes while this is open, for tests
 * that check what an operator would be told. Close it to detach.
 */
public final class WarningLog implements AutoCloseable {

  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel() == Level.WARNING) {
            records.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private WarningLog(Logger logger) {
    this.logger = logger;
    logger.addHandler(handler);
  }

  /** Starts keeping the warnings of the logger named after {@code source}. */
  public static WarningLog of(Class<?> source) {
    return new WarningLog(Logger.getLogger(source.getName()));
  }

  /** The warnings so far, oldest first. */
  public List<LogRecord> records() {
    return records;
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
