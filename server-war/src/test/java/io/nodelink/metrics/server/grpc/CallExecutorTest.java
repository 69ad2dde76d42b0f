package io.nodelink.metrics.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.server.agents.AgentChannel;
import io.nodelink.metrics.server.auth.AgentAuthInterceptor;
import io.nodelink.metrics.server.auth.AgentTokens;
import io.nodelink.metrics.server.ingest.AgentStreamHandler;
import io.nodelink.metrics.testkit.agent.TestAgent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallExecutorTest {

  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger rejected = new AtomicInteger();
  private final CallRejections rejections =
      new CallRejections(rejected::incrementAndGet, System::nanoTime, Duration.ofMinutes(1));

  @AfterEach
  void stopRetries() {
    retries.shutdownNow();
  }

  @Test
  void runsTasksUntilClosedThenDropsNewAndQueuedOnes() {
    List<Runnable> queue = new ArrayList<>();
    CallExecutor calls = new CallExecutor(queue::add, retries, rejections);
    AtomicInteger ran = new AtomicInteger();

    calls.execute(ran::incrementAndGet);
    queue.remove(0).run();
    calls.execute(ran::incrementAndGet);
    calls.close();
    calls.execute(ran::incrementAndGet);
    queue.forEach(Runnable::run);

    assertThat(ran).hasValue(1);
    assertThat(queue).as("nothing handed over after close").hasSize(1);
    assertThat(calls.inFlight()).isZero();
  }

  @Test
  void awaitIdleWaitsForTheTaskRunningAtTheStop() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      CallExecutor calls = new CallExecutor(pool, retries, rejections);
      CountDownLatch running = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      calls.execute(
          () -> {
            running.countDown();
            awaitLatch(release);
          });
      running.await();
      calls.close();

      assertThat(calls.awaitIdle(Duration.ofMillis(50))).isFalse();
      release.countDown();
      assertThat(calls.awaitIdle(Duration.ofSeconds(10))).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRefusedTaskIsCountedAndRunsOnceTheExecutorHasRoomAgain() throws Exception {
    ThreadPoolExecutor pool = saturatedPool();
    CountDownLatch release = occupy(pool);
    try {
      CallExecutor calls = new CallExecutor(pool, retries, rejections);
      AtomicInteger ran = new AtomicInteger();

      calls.execute(ran::incrementAndGet);
      await().until(() -> rejected.get() >= 2);
      assertThat(ran).hasValue(0);
      assertThat(calls.inFlight()).as("still owed").isEqualTo(1);

      release.countDown();
      await().until(() -> ran.get() == 1);
      await().until(() -> calls.inFlight() == 0);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aRefusedTaskIsDroppedOnceClosedAndNoLongerAwaited() throws Exception {
    CallExecutor calls =
        new CallExecutor(
            task -> {
              throw new RejectedExecutionException("full");
            },
            retries,
            rejections);
    AtomicInteger ran = new AtomicInteger();

    calls.execute(ran::incrementAndGet);
    await().until(() -> rejected.get() >= 1);
    calls.close();

    assertThat(calls.awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(ran).hasValue(0);
  }

  @Test
  void theStopRunsWhatTheStoppingExecutorRefusedOnItsOwnThread() throws Exception {
    CallExecutor calls =
        new CallExecutor(
            task -> {
              throw new RejectedExecutionException("application stopping");
            },
            retries,
            rejections);
    List<Thread> ranOn = new CopyOnWriteArrayList<>();

    calls.execute(() -> ranOn.add(Thread.currentThread()));
    calls.execute(
        () -> {
          ranOn.add(Thread.currentThread());
          // A call's serializing task hands over its next one: refused too, run too.
          calls.execute(() -> ranOn.add(Thread.currentThread()));
        });
    await().until(() -> rejected.get() >= 2);

    assertThat(calls.drain(Duration.ofSeconds(10))).isGreaterThanOrEqualTo(3);
    assertThat(ranOn).hasSize(3).allMatch(t -> t == Thread.currentThread());
    assertThat(calls.inFlight()).isZero();
  }

  @Test
  void aSaturatedExecutorDelaysAnAgentsMessagesButLosesNoneAndKeepsTheirOrder() throws Exception {
    ThreadPoolExecutor pool = saturatedPool();
    CountDownLatch release = occupy(pool);
    List<String> connected = new CopyOnWriteArrayList<>();
    List<String> received = new CopyOnWriteArrayList<>();
    String name = InProcessServerBuilder.generateName();
    GrpcServerLifecycle server =
        new GrpcServerLifecycle(
            InProcessServerBuilder.forName(name)
                .executor(new CallExecutor(pool, retries, rejections)),
            new AgentStreamService(new RecordingHandler(connected, received)),
            new AgentAuthInterceptor(() -> AgentTokens.parse("agent1:token1", List.of())));
    server.start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
    try (TestAgent agent = TestAgent.connect(channel, "agent1", "token1")) {
      List<String> sent = IntStream.range(0, 50).mapToObj(i -> "task-" + i).toList();
      sent.forEach(id -> agent.send(TaskResponse.newBuilder().setTaskId(id).build()));
      await().until(() -> rejected.get() >= 2);
      assertThat(connected).as("nothing ran while saturated").isEmpty();

      release.countDown();
      await().until(() -> received.size() == sent.size());
      assertThat(connected).containsExactly("agent1");
      assertThat(received).containsExactlyElementsOf(sent);
      assertThat(agent.ended()).isNotDone();
    } finally {
      release.countDown();
      channel.shutdownNow();
      server.stopNow();
      pool.shutdownNow();
    }
  }

  /** One thread and no queue: busy, it refuses every task. */
  private static ThreadPoolExecutor saturatedPool() {
    return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>());
  }

  /** Keeps the pool's only thread busy until the returned latch is released. */
  private static CountDownLatch occupy(ThreadPoolExecutor pool) {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch busy = new CountDownLatch(1);
    pool.execute(
        () -> {
          busy.countDown();
          awaitLatch(release);
        });
    awaitLatch(busy);
    return release;
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records accepted agents and the task ids of their messages, in arrival order. */
  private record RecordingHandler(List<String> connected, List<String> received)
      implements AgentStreamHandler {
    @Override
    public void connected(AgentChannel channel) {
      connected.add(channel.agentId());
    }

    @Override
    public void received(AgentChannel channel, TaskResponse response) {
      received.add(response.getTaskId());
    }

    @Override
    public void disconnected(AgentChannel channel) {}
  }
}
