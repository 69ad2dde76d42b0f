package io.nodelink.metrics.server.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.AsyncEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One connection's queueing, writing and closing, against Liberty's non-blocking rules. */
class SseStreamTest {

  private static final SseFrame SNAPSHOT = SseFrame.event("metrics", "{\"n\":1}");
  private static final SseFrame NEXT = SseFrame.event("metrics", "{\"n\":2}");

  /** The container's threads, which run the write callbacks. */
  private final ExecutorService container = Executors.newFixedThreadPool(2);

  /** Our executor's threads, which run the drains a broadcast claims. */
  private final ExecutorService sseExecutor = Executors.newFixedThreadPool(2);

  private final AtomicInteger closedCallbacks = new AtomicInteger();
  private final List<Long> latencies = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    container.shutdownNow();
    sseExecutor.shutdownNow();
  }

  @Test
  void theOpeningThenTheFirstFramesThenLaterOnesAreWrittenInOrder() {
    FakeAsyncContext async = async();
    SseStream stream = stream(async, 8);
    offer(stream, SNAPSHOT, 0);

    stream.start(response -> response.setContentType("text/event-stream"));
    offer(stream, NEXT, 0);
    offer(stream, SseFrame.KEEPALIVE, 0);

    await()
        .until(
            async.output::flushedText,
            text -> text.equals("\n\n" + text(SNAPSHOT) + text(NEXT) + ": keepalive\n\n"));
    assertThat(async.responseCalls).containsKey("setContentType");
    assertThat(async.output.violations).isEmpty();
  }

  @Test
  void everyClientIsWrittenTheSameEncodedBytes() {
    FakeAsyncContext one = async();
    FakeAsyncContext two = async();
    SseStream first = started(one, 8);
    SseStream second = started(two, 8);

    offer(first, SNAPSHOT, 0);
    offer(second, SNAPSHOT, 0);

    await().until(() -> one.output.flushedText().endsWith(text(SNAPSHOT)));
    await().until(() -> two.output.flushedText().endsWith(text(SNAPSHOT)));
    assertThat(one.output.writtenArrays).anySatisfy(b -> assertThat(b).isSameAs(SNAPSHOT.bytes()));
    assertThat(two.output.writtenArrays).anySatisfy(b -> assertThat(b).isSameAs(SNAPSHOT.bytes()));
  }

  @Test
  void aFullSocketPausesTheWritesUntilTheContainerCallsBack() {
    FakeAsyncContext async = async();
    SseStream stream = started(async, 8);
    await().until(() -> async.output.flushedText().equals("\n\n"));
    async.output.stallAfterEachWrite();

    offer(stream, SNAPSHOT, 0);
    offer(stream, NEXT, 0);
    await().until(() -> async.output.writtenArrays.contains(SNAPSHOT.bytes()));
    assertThat(async.output.writtenArrays).doesNotContain(NEXT.bytes());

    await()
        .untilAsserted(
            () -> {
              async.output.drainSocket();
              assertThat(async.output.flushedText())
                  .isEqualTo("\n\n" + text(SNAPSHOT) + text(NEXT));
            });
    assertThat(async.output.violations).isEmpty();
    assertThat(stream.isClosed()).isFalse();
  }

  @Test
  void aClientThatFallsBehindIsClosedWithoutBlockingTheCaller() {
    FakeAsyncContext async = async();
    SseStream stream = started(async, 4);
    await().until(() -> async.output.flushedText().equals("\n\n"));
    async.output.stallAfterEachWrite();
    offer(stream, SNAPSHOT, 0);
    await().until(() -> async.output.writtenArrays.contains(SNAPSHOT.bytes()));

    // The socket is full: four frames fill the queue, the fifth overflows it.
    for (int i = 0; i < 5; i++) {
      stream.offer(NEXT, 0);
    }

    assertThat(stream.isClosed()).isTrue();
    assertThat(async.completions).hasValue(1);
    assertThat(closedCallbacks).hasValue(1);
  }

  @Test
  void aFailedWriteClosesTheStreamOnceEvenIfReportedAgain() throws IOException {
    FakeAsyncContext async = async();
    SseStream stream = started(async, 8);
    await().until(() -> async.output.flushedText().equals("\n\n"));
    IOException gone = new IOException("Broken pipe");
    async.output.failWith(gone);

    offer(stream, SseFrame.KEEPALIVE, 0);
    await().until(stream::isClosed);
    async.output.listener().onError(gone);
    async.listeners.get(0).onError(new AsyncEvent(async, gone));
    async.listeners.get(0).onComplete(new AsyncEvent(async));

    assertThat(closedCallbacks).hasValue(1);
    assertThat(async.completions).hasValue(1);
  }

  @Test
  void theContainerCompletingTheResponseClosesTheStream() throws IOException {
    FakeAsyncContext async = async();
    SseStream stream = started(async, 8);

    async.listeners.get(0).onComplete(new AsyncEvent(async));
    stream.close();

    assertThat(stream.isClosed()).isTrue();
    assertThat(closedCallbacks).hasValue(1);
    assertThat(async.completions).hasValue(0);
  }

  @Test
  void closeActionsRunOnceWhetherAddedBeforeOrAfterTheClose() {
    FakeAsyncContext async = async();
    SseStream stream = started(async, 8);
    AtomicInteger before = new AtomicInteger();
    AtomicInteger after = new AtomicInteger();
    stream.whenClosed(before::incrementAndGet);

    stream.close();
    stream.close();
    stream.whenClosed(after::incrementAndGet);

    assertThat(before).hasValue(1);
    assertThat(after).hasValue(1);
  }

  @Test
  void aStreamClosedBeforeItStartsLeavesTheResponseAlone() {
    FakeAsyncContext async = async();
    SseStream stream = stream(async, 8);
    stream.close();

    stream.start(response -> response.setStatus(200));

    assertThat(async.responseCalls).isEmpty();
    assertThat(async.output.listener()).isNull();
    assertThat(closedCallbacks).hasValue(1);
  }

  @Test
  void theLatencyOfASnapshotIsRecordedOnceItIsFlushed() {
    FakeAsyncContext async = async();
    SseStream stream = started(async, 8);

    offer(stream, SNAPSHOT, System.nanoTime());
    offer(stream, SseFrame.KEEPALIVE, 0);

    await().until(() -> async.output.flushedText().endsWith(": keepalive\n\n"));
    await().until(() -> latencies.size() == 1);
    assertThat(latencies.get(0)).isPositive();
  }

  @Test
  void manyBroadcastsAndCallbacksNeverWriteFromTwoThreadsAtOnce() {
    FakeAsyncContext async = async();
    SseStream stream = started(async, 10_000);
    async.output.stallAfterWrites(7);
    StringBuilder expected = new StringBuilder("\n\n");

    for (int i = 0; i < 500; i++) {
      SseFrame frame = SseFrame.event("metrics", "{\"n\":" + i + "}");
      expected.append(text(frame));
      offer(stream, frame, 0);
      if (i % 5 == 0) {
        async.output.drainSocket();
      }
    }

    await()
        .pollInterval(Duration.ofMillis(5))
        .untilAsserted(
            () -> {
              async.output.drainSocket();
              assertThat(async.output.violations).isEmpty();
              assertThat(stream.isClosed()).isFalse();
              assertThat(async.output.flushedText()).isEqualTo(expected.toString());
            });
    assertThat(async.output.violations).isEmpty();
  }

  /** What a broadcast does: queue, and run the drain on the executor if it claimed it. */
  private void offer(SseStream stream, SseFrame frame, long receivedNanos) {
    if (stream.offer(frame, receivedNanos)) {
      sseExecutor.execute(stream::drain);
    }
  }

  private SseStream started(FakeAsyncContext async, int queueSize) {
    SseStream stream = stream(async, queueSize);
    stream.start(response -> {});
    return stream;
  }

  private SseStream stream(FakeAsyncContext async, int queueSize) {
    return new SseStream(
        "c1", "a1", async, queueSize, latencies::add, s -> closedCallbacks.incrementAndGet());
  }

  private FakeAsyncContext async() {
    return new FakeAsyncContext(new StrictServletOutput(container));
  }

  private static String text(SseFrame frame) {
    return new String(frame.bytes(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
