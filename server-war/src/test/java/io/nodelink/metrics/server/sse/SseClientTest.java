package io.nodelink.metrics.server.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SseClientTest {

  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final AtomicInteger closedCallbacks = new AtomicInteger();
  private final List<Long> latencies = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void eventsAreWrittenInOrderOffTheCallersThread() {
    FakeSink sink = new FakeSink();
    SseClient client = client(sink, 16);

    for (int i = 0; i < 10; i++) {
      client.offer(event("e" + i), i == 9 ? System.nanoTime() : 0);
    }

    await().until(() -> sink.written.size() == 10);
    assertThat(sink.written).extracting(OutboundSseEvent::getName).startsWith("e0", "e1", "e2");
    assertThat(sink.written.get(9).getName()).isEqualTo("e9");
    assertThat(sink.threads).doesNotContain(Thread.currentThread().getName());
    await().until(() -> latencies.size() == 1);
  }

  @Test
  void aStuckClientIsDroppedWhenItsQueueOverflowsWithoutBlockingTheCaller() {
    FakeSink stuck = new FakeSink();
    stuck.block = new CountDownLatch(1);
    SseClient client = client(stuck, 4);

    // The first event occupies the drain; four more fill the queue; the sixth overflows.
    for (int i = 0; i < 6; i++) {
      client.offer(event("e" + i), 0);
    }

    assertThat(client.isClosed()).isTrue();
    assertThat(stuck.closed).isTrue();
    assertThat(closedCallbacks).hasValue(1);
    stuck.block.countDown();
  }

  @Test
  void aFailedWriteClosesTheClientOnceEvenIfReportedTwice() {
    FakeSink broken = new FakeSink();
    broken.fail = true;
    SseClient client = client(broken, 8);

    client.offer(event("a"), 0);
    await().until(client::isClosed);
    client.close();
    client.offer(event("b"), 0);

    assertThat(closedCallbacks).hasValue(1);
    assertThat(broken.written).isEmpty();
  }

  @Test
  void aSinkClosedByTheContainerEndsTheClientOnTheNextWrite() {
    FakeSink sink = new FakeSink();
    sink.closed = true;
    SseClient client = client(sink, 8);

    client.offer(event("keepalive"), 0);

    await().until(client::isClosed);
    assertThat(closedCallbacks).hasValue(1);
  }

  @Test
  void theBroadcasterEnforcesItsClientLimitAndQueuesFirstEventsBeforeRegistering() {
    AgentBroadcaster broadcaster = new AgentBroadcaster();
    FakeSink first = new FakeSink();
    SseClient one = client(first, 8);

    assertThat(broadcaster.register(one, 1, List.of(event("snapshot")))).isTrue();
    assertThat(broadcaster.register(client(new FakeSink(), 8), 1, List.of())).isFalse();

    broadcaster.broadcast(event("next"), 0);
    await().until(() -> first.written.size() == 2);
    assertThat(first.written)
        .extracting(OutboundSseEvent::getName)
        .containsExactly("snapshot", "next");
  }

  private SseClient client(FakeSink sink, int queueSize) {
    return new SseClient(
        "c1",
        "a1",
        sink,
        queueSize,
        executor,
        latencies::add,
        c -> closedCallbacks.incrementAndGet());
  }

  private static OutboundSseEvent event(String name) {
    return new NamedEvent(name);
  }

  /** Records writes; can block or fail them. */
  private static final class FakeSink implements SseEventSink {
    final List<OutboundSseEvent> written = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    volatile boolean closed;
    volatile boolean fail;
    volatile CountDownLatch block;

    @Override
    public boolean isClosed() {
      return closed;
    }

    @Override
    public CompletionStage<?> send(OutboundSseEvent event) {
      threads.add(Thread.currentThread().getName());
      if (block != null) {
        try {
          block.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (fail) {
        return CompletableFuture.failedFuture(new IllegalStateException("client gone"));
      }
      written.add(event);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** The smallest outbound event: a name. */
  private record NamedEvent(String name) implements OutboundSseEvent {
    @Override
    public Class<?> getType() {
      return String.class;
    }

    @Override
    public Type getGenericType() {
      return String.class;
    }

    @Override
    public MediaType getMediaType() {
      return MediaType.TEXT_PLAIN_TYPE;
    }

    @Override
    public Object getData() {
      return name;
    }

    @Override
    public String getId() {
      return null;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getComment() {
      return null;
    }

    @Override
    public long getReconnectDelay() {
      return -1;
    }

    @Override
    public boolean isReconnectDelaySet() {
      return false;
    }
  }
}
