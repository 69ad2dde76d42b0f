package io.nodelink.metrics.server.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.streaming.StreamingDemand.Command;
import io.nodelink.metrics.server.streaming.StreamingDemand.Start;
import io.nodelink.metrics.server.streaming.StreamingDemand.Stop;
import io.nodelink.metrics.server.streaming.StreamingDemand.UpdateInterval;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamingDemandTest {

  private final AtomicInteger ids = new AtomicInteger();
  private final StreamingDemand demand = new StreamingDemand(() -> "t" + ids.incrementAndGet());

  @BeforeEach
  void agentIsOnline() {
    assertThat(demand.agentConnected()).isEmpty();
  }

  @Test
  void firstHolderStartsStreamingAtItsInterval() {
    List<Command> commands = demand.hold("sse-1", 5, List.of());

    assertThat(commands).containsExactly(new Start("t1", 5, List.of()));
    assertThat(demand.streamTaskId()).contains("t1");
    assertThat(demand.streamInterval()).isEqualTo(5);
  }

  @Test
  void laterHolderWithSmallerIntervalUpdatesTheRunningStream() {
    demand.hold("sse-1", 5, List.of());

    List<Command> commands = demand.hold("sse-2", 1, List.of());

    assertThat(commands).containsExactly(new UpdateInterval("t2", "t1", 1, List.of()));
    assertThat(demand.streamInterval()).isEqualTo(1);
  }

  @Test
  void laterHolderWithLargerIntervalChangesNothing() {
    demand.hold("sse-1", 2, List.of());

    assertThat(demand.hold("sse-2", 10, List.of())).isEmpty();
  }

  @Test
  void smallestHolderLeavingWidensTheInterval() {
    demand.hold("sse-1", 5, List.of());
    demand.hold("sse-2", 1, List.of());

    assertThat(demand.release("sse-2"))
        .containsExactly(new UpdateInterval("t3", "t1", 5, List.of()));
  }

  @Test
  void lastHolderGoneStops() {
    demand.hold("sse-1", 5, List.of());
    demand.hold(StreamingDemand.MANUAL, 5, List.of());

    assertThat(demand.release("sse-1")).isEmpty();
    assertThat(demand.release(StreamingDemand.MANUAL)).containsExactly(new Stop("t2", "t1"));
    assertThat(demand.streamTaskId()).isEmpty();
    assertThat(demand.wanted()).isFalse();
  }

  @Test
  void releasingAnUnknownHolderTwiceIsHarmless() {
    demand.hold("sse-1", 5, List.of());
    demand.release("sse-1");

    assertThat(demand.release("sse-1")).isEmpty();
    assertThat(demand.release("never-held")).isEmpty();
  }

  @Test
  void manualGroupsAreStreamedUntilAnSseClientWantsAllGroups() {
    assertThat(demand.hold(StreamingDemand.MANUAL, 5, List.of("memory", "cpu")))
        .containsExactly(new Start("t1", 5, List.of("cpu", "memory")));

    // Groups change: a new START replaces the running stream on the agent.
    assertThat(demand.hold("sse-1", 5, List.of())).containsExactly(new Start("t2", 5, List.of()));
    assertThat(demand.streamTaskId()).contains("t2");
  }

  @Test
  void nothingIsSentWhileTheAgentIsOfflineAndStreamingResumesOnReconnect() {
    demand.hold("sse-1", 3, List.of());
    demand.agentDisconnected();

    assertThat(demand.hold("sse-2", 2, List.of())).isEmpty();
    assertThat(demand.streamTaskId()).isEmpty();

    assertThat(demand.agentConnected()).containsExactly(new Start("t2", 2, List.of()));
  }

  @Test
  void reconnectWithoutHoldersSendsNothing() {
    demand.hold("sse-1", 3, List.of());
    demand.release("sse-1");
    demand.agentDisconnected();

    assertThat(demand.agentConnected()).isEmpty();
  }

  @Test
  void streamEndedByTheAgentIsNotRestartedUntilDemandChanges() {
    demand.hold("sse-1", 3, List.of());
    demand.streamEnded("t1");

    assertThat(demand.streamTaskId()).isEmpty();
    assertThat(demand.hold("sse-2", 3, List.of())).containsExactly(new Start("t2", 3, List.of()));
  }

  @Test
  void cancellingTheStreamEndsTheManualHoldAndRestartsForRemainingClients() {
    demand.hold(StreamingDemand.MANUAL, 5, List.of());
    demand.hold("sse-1", 5, List.of());

    assertThat(demand.streamCancelled("t1")).containsExactly(new Start("t2", 5, List.of()));
    assertThat(demand.isHeld(StreamingDemand.MANUAL)).isFalse();
  }

  @Test
  void cancellingTheOnlyHoldersStreamLeavesNothingRunning() {
    demand.hold(StreamingDemand.MANUAL, 5, List.of());

    assertThat(demand.streamCancelled("t1")).isEmpty();
    assertThat(demand.wanted()).isFalse();
    assertThat(demand.streamTaskId()).isEmpty();
  }

  @Test
  void cancellingAnOldStreamTaskChangesNothing() {
    demand.hold(StreamingDemand.MANUAL, 5, List.of());

    assertThat(demand.streamCancelled("not-the-stream")).isEmpty();
    assertThat(demand.isHeld(StreamingDemand.MANUAL)).isTrue();
  }

  /** A demand with a 10 s collection baseline, its agent online. */
  private StreamingDemand collecting() {
    StreamingDemand collecting = new StreamingDemand(() -> "b" + ids.incrementAndGet(), 10);
    assertThat(collecting.agentConnected()).containsExactly(new Start("b1", 10, List.of()));
    return collecting;
  }

  @Test
  void baselineStartsEveryGroupOnConnectWithoutAnyHolder() {
    StreamingDemand collecting = collecting();

    assertThat(collecting.wanted()).isFalse();
    assertThat(collecting.streamTaskId()).contains("b1");
    assertThat(collecting.streamInterval()).isEqualTo(10);
  }

  @Test
  void holderLowersTheBaselineAndItsLeavingReturnsToItInsteadOfStopping() {
    StreamingDemand collecting = collecting();

    assertThat(collecting.hold("sse-1", 1, List.of()))
        .containsExactly(new UpdateInterval("b2", "b1", 1, List.of()));
    assertThat(collecting.release("sse-1"))
        .containsExactly(new UpdateInterval("b3", "b1", 10, List.of()));
    assertThat(collecting.streamTaskId()).contains("b1");
    assertThat(collecting.streamInterval()).isEqualTo(10);
  }

  @Test
  void holderAboveTheBaselineChangesNothing() {
    StreamingDemand collecting = collecting();

    assertThat(collecting.hold(StreamingDemand.MANUAL, 30, List.of())).isEmpty();
    assertThat(collecting.release(StreamingDemand.MANUAL)).isEmpty();
    assertThat(collecting.streamInterval()).isEqualTo(10);
  }

  @Test
  void holdersGroupsNeverNarrowTheBaselineStream() {
    StreamingDemand collecting = collecting();

    assertThat(collecting.hold(StreamingDemand.MANUAL, 2, List.of("cpu")))
        .containsExactly(new UpdateInterval("b2", "b1", 2, List.of()));
  }

  @Test
  void baselineResumesOnReconnectAtTheSmallestHeldInterval() {
    StreamingDemand collecting = collecting();
    collecting.hold("sse-1", 3, List.of());
    collecting.agentDisconnected();

    assertThat(collecting.streamTaskId()).isEmpty();
    assertThat(collecting.agentConnected()).containsExactly(new Start("b3", 3, List.of()));
  }

  @Test
  void cancellingTheStreamEndsTheManualHoldAndRestartsAtTheBaseline() {
    StreamingDemand collecting = collecting();
    collecting.hold(StreamingDemand.MANUAL, 2, List.of());

    assertThat(collecting.streamCancelled("b1")).containsExactly(new Start("b3", 10, List.of()));
    assertThat(collecting.wanted()).isFalse();
  }

  @Test
  void baselineStreamEndedByTheAgentWaitsForTheNextChange() {
    StreamingDemand collecting = collecting();
    collecting.streamEnded("b1");

    assertThat(collecting.streamTaskId()).isEmpty();
    assertThat(collecting.hold("sse-1", 5, List.of()))
        .containsExactly(new Start("b2", 5, List.of()));
  }

  @Test
  void noBaselineIsTheOnDemandBehaviour() {
    assertThat(demand.baselineSeconds()).isZero();
    assertThat(new StreamingDemand(() -> "x", 0).agentConnected()).isEmpty();
  }
}
