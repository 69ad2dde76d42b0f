package io.nodelink.metrics.server.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentBroadcasterTest {

  private static final SseFrame SNAPSHOT = SseFrame.event("metrics", "{\"n\":1}");
  private static final SseFrame NEXT = SseFrame.event("metrics", "{\"n\":2}");

  private final ExecutorService container = Executors.newSingleThreadExecutor();
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    container.shutdownNow();
    executor.shutdownNow();
  }

  @Test
  void theLimitHoldsAndTheFirstFramesComeBeforeAnyBroadcast() {
    AgentBroadcaster broadcaster = new AgentBroadcaster(new DrainScheduler(executor));
    FakeAsyncContext async = new FakeAsyncContext(new StrictServletOutput(container));
    SseStream one = stream(async);

    assertThat(broadcaster.register(one, 1, List.of(SNAPSHOT))).isTrue();
    assertThat(broadcaster.register(stream(async()), 1, List.of())).isFalse();
    broadcaster.broadcast(NEXT, 0);
    one.start(response -> {});

    await()
        .until(
            async.output::flushedText, text -> text.equals("\n\n" + text(SNAPSHOT) + text(NEXT)));
  }

  @Test
  void everyClientGetsTheBroadcastThoughThereAreMoreThanOneTaskOfThem() {
    AgentBroadcaster broadcaster = new AgentBroadcaster(new DrainScheduler(executor));
    int clients = DrainScheduler.STREAMS_PER_TASK * 2 + 1;
    List<FakeAsyncContext> contexts =
        java.util.stream.Stream.generate(this::async).limit(clients).toList();
    for (FakeAsyncContext async : contexts) {
      SseStream stream = stream(async);
      broadcaster.register(stream, clients, List.of());
      stream.start(response -> {});
    }

    broadcaster.broadcast(NEXT, 0);

    // One wait for all: Awaitility's first check comes after its poll interval, so a wait per
    // client took 100 ms each.
    await()
        .until(
            () ->
                contexts.stream()
                    .allMatch(async -> async.output.flushedText().equals("\n\n" + text(NEXT))));
  }

  @Test
  void streamsWhoseWritesTheExecutorRefusesAreClosed() {
    AgentBroadcaster broadcaster =
        new AgentBroadcaster(
            new DrainScheduler(
                task -> {
                  throw new RejectedExecutionException("full");
                }));
    SseStream stream = stream(async());
    broadcaster.register(stream, 1, List.of());

    broadcaster.broadcast(NEXT, 0);

    assertThat(stream.isClosed()).isTrue();
  }

  private SseStream stream(FakeAsyncContext async) {
    return new SseStream("c", "a", async, 8, nanos -> {}, s -> {});
  }

  private FakeAsyncContext async() {
    return new FakeAsyncContext(new StrictServletOutput(container));
  }

  private static String text(SseFrame frame) {
    return new String(frame.bytes(), StandardCharsets.UTF_8);
  }
}
