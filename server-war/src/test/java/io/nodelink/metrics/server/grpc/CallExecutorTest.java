package io.nodelink.metrics.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallExecutorTest {

  @Test
  void runsTasksUntilClosedThenDropsNewAndQueuedOnes() {
    List<Runnable> queue = new ArrayList<>();
    CallExecutor calls = new CallExecutor(queue::add);
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
      CallExecutor calls = new CallExecutor(pool);
      CountDownLatch running = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      calls.execute(
          () -> {
            running.countDown();
            await(release);
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
  void aRefusedTaskIsNotCountedAndTheRefusalReachesGrpc() {
    CallExecutor calls =
        new CallExecutor(
            task -> {
              throw new RejectedExecutionException("full");
            });

    assertThatThrownBy(() -> calls.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
    assertThat(calls.inFlight()).isZero();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
