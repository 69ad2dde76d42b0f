package io.nodelink.metrics.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.stub.CallStreamObserver;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.TaskResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replay sends only while the call is ready: the buffer never floods the transport. */
class TaskSessionReplayTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  /** A call that takes {@code credit} messages and then reports not ready until given more. */
  private static final class MeteredCall extends CallStreamObserver<TaskResponse> {
    final List<TaskResponse> sent = new ArrayList<>();
    int credit;

    @Override
    public boolean isReady() {
      return credit > 0;
    }

    @Override
    public void onNext(TaskResponse value) {
      credit--;
      sent.add(value);
    }

    @Override
    public void setOnReadyHandler(Runnable onReadyHandler) {}

    @Override
    public void disableAutoInboundFlowControl() {}

    @Override
    public void request(int count) {}

    @Override
    public void setMessageCompression(boolean enable) {}

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }

  @Test
  void replaySendsWhileReadyAndContinuesOnEachDrain() {
    SnapshotBuffer buffer = new SnapshotBuffer(600, 1 << 20);
    for (long t = 1; t <= 5; t++) {
      buffer.add(
          SnapshotBuffer.buffered(
              "a1", "T0", MetricsDataResponse.newBuilder().setTimestamp(t).build()));
    }
    MeteredCall call = new MeteredCall();
    TaskSession session = new TaskSession("a1", new FakeSource(), scheduler, call, false, buffer);

    call.credit = 2;
    session.drain(); // not replaying yet: the server has not shown it accepted the call
    assertThat(call.sent).isEmpty();
    session.replay();
    assertThat(call.sent).hasSize(2);
    assertThat(buffer.size()).isEqualTo(3);

    call.credit = 10;
    session.drain();
    assertThat(call.sent)
        .extracting(r -> r.getMetricsResponse().getMetricsData().getTimestamp())
        .containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(buffer.isEmpty()).isTrue();
  }
}
