package io.nodelink.metrics.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallRejectionsTest {

  private static final Logger LOG = Logger.getLogger(CallRejections.class.getName());

  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
          records.add(logRecord);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final AtomicInteger counted = new AtomicInteger();
  private final CallRejections rejections =
      new CallRejections(counted::incrementAndGet, nanos::get, Duration.ofSeconds(60));

  {
    LOG.addHandler(capture);
  }

  @AfterEach
  void removeHandler() {
    LOG.removeHandler(capture);
  }

  @Test
  void countsEveryRefusalAndLogsAtMostOncePerPeriodWithHowManyThereWere() {
    rejections.rejected();
    rejections.rejected();
    rejections.rejected();
    nanos.addAndGet(Duration.ofSeconds(59).toNanos());
    rejections.rejected();

    assertThat(counted).hasValue(4);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).getParameters()).containsExactly(1L);

    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    rejections.rejected();

    assertThat(counted).hasValue(5);
    assertThat(records).hasSize(2);
    assertThat(records.get(1).getParameters()).containsExactly(4L);
  }
}
