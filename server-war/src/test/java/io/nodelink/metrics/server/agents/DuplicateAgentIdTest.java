package io.nodelink.metrics.server.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nodelink.metrics.server.testing.FakeChannel;
import io.nodelink.metrics.server.testing.MovableClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The registry keeps the first of two hosts with one id and still lets a host restart. */
class DuplicateAgentIdTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<Object> events = new CopyOnWriteArrayList<>();
  private final AgentRegistry registry =
      new AgentRegistry(
          10,
          clock,
          new AgentEvents() {
            @Override
            public void connected(AgentConnected event) {
              events.add(event);
            }

            @Override
            public void disconnected(AgentDisconnected event) {
              events.add(event);
            }

            @Override
            public void forgotten(AgentForgotten event) {
              events.add(event);
            }
          });

  @Test
  void aSecondHostIsRefusedTheFirstStaysAndTheAgentIsFlagged() {
    FakeChannel first = new FakeChannel("a1", "host-a");
    registry.connect(first);
    events.clear();

    assertThatThrownBy(() -> registry.connect(new FakeChannel("a1", "host-b")))
        .isInstanceOf(DuplicateAgentIdException.class)
        .hasMessageContaining("duplicate agent id")
        .hasMessageContaining("host-a")
        .hasMessageContaining("host-b")
        .hasMessageContaining("its own agent id");

    assertThat(registry.isCurrent(first)).isTrue();
    assertThat(first.closedAsReplaced()).isFalse();
    assertThat(events).isEmpty();
    assertThat(registry.require("a1").duplicateId()).isTrue();
  }

  @Test
  void theSameHostRestartingReplacesItsOldStream() {
    FakeChannel old = new FakeChannel("a1", "host-a");
    registry.connect(old);
    FakeChannel restarted = new FakeChannel("a1", "host-a");
    registry.connect(restarted);

    assertThat(old.closedAsReplaced()).isTrue();
    assertThat(registry.isCurrent(restarted)).isTrue();
    assertThat(registry.require("a1").duplicateId()).isFalse();
  }

  @Test
  void aHostWithoutIdentityReplacesOnceButFlappingIsStopped() {
    FakeChannel current = new FakeChannel("a1");
    registry.connect(current);
    for (int i = 0; i < DuplicateIdDetector.FLAP_REPLACEMENTS; i++) {
      clock.advanceSeconds(2);
      current = new FakeChannel("a1");
      registry.connect(current);
    }
    clock.advanceSeconds(2);
    FakeChannel flapping = new FakeChannel("a1");
    assertThatThrownBy(() -> registry.connect(flapping))
        .isInstanceOf(DuplicateAgentIdException.class)
        .hasMessageContaining("replaced");
    assertThat(registry.isCurrent(current)).isTrue();
    assertThat(registry.require("a1").duplicateId()).isTrue();
  }

  @Test
  void theRefusedHostGetsInOnceTheFirstIsGone() {
    FakeChannel first = new FakeChannel("a1", "host-a");
    registry.connect(first);
    assertThatThrownBy(() -> registry.connect(new FakeChannel("a1", "host-b")))
        .isInstanceOf(DuplicateAgentIdException.class);

    registry.disconnect(first);
    FakeChannel second = new FakeChannel("a1", "host-b");
    registry.connect(second);

    assertThat(registry.isCurrent(second)).isTrue();
  }

  @Test
  void systemInfoFromAnotherHostRightAfterAReplacementFlagsTheIdAndBlocksTheSwapBack() {
    FakeChannel first = new FakeChannel("a1");
    registry.connect(first);
    registry.identified(first, new HostIdentity("host-a", ""));
    clock.advanceSeconds(1);
    FakeChannel second = new FakeChannel("a1");
    registry.connect(second); // nothing known yet: a restart for all the registry can tell
    registry.identified(second, new HostIdentity("host-b", ""));

    assertThat(registry.require("a1").duplicateId()).isTrue();
    assertThatThrownBy(() -> registry.connect(new FakeChannel("a1")))
        .isInstanceOf(DuplicateAgentIdException.class);
    assertThat(registry.isCurrent(second)).isTrue();
  }

  @Test
  void theFlagFadesWhenNoDuplicateIsSeenForAWhile() {
    registry.connect(new FakeChannel("a1", "host-a"));
    assertThatThrownBy(() -> registry.connect(new FakeChannel("a1", "host-b")))
        .isInstanceOf(DuplicateAgentIdException.class);
    clock.advanceSeconds(DuplicateIdDetector.FLAG_MEMORY.toSeconds());
    assertThat(registry.require("a1").duplicateId()).isFalse();
  }
}
