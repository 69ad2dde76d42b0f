package io.nodelink.metrics.server.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.testing.FakeChannel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AgentRegistryTest {

  private final List<Object> events = new CopyOnWriteArrayList<>();
  private final AgentRegistry registry =
      new AgentRegistry(
          2,
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
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
  void connectedAgentIsListedOnlineUntilItsChannelEnds() {
    FakeChannel channel = new FakeChannel("a1");

    registry.connect(channel);
    assertThat(registry.find("a1").orElseThrow().connected()).isTrue();
    assertThat(registry.channel("a1")).contains(channel);

    assertThat(registry.disconnect(channel)).isTrue();
    AgentState state = registry.find("a1").orElseThrow();
    assertThat(state.connected()).isFalse();
    assertThat(state.disconnectedAt()).isNotNull();
    assertThat(events)
        .containsExactly(new AgentConnected("a1"), new AgentDisconnected("a1", false));
  }

  @Test
  void newerChannelReplacesTheOlderWhichIsClosedAndItsLateEndIgnored() {
    FakeChannel old = new FakeChannel("a1");
    FakeChannel current = new FakeChannel("a1");
    registry.connect(old);

    registry.connect(current);

    assertThat(old.closedAsReplaced()).isTrue();
    assertThat(registry.disconnect(old)).isFalse();
    assertThat(registry.isCurrent(current)).isTrue();
    assertThat(registry.find("a1").orElseThrow().connected()).isTrue();
    assertThat(events)
        .containsExactly(
            new AgentConnected("a1"), new AgentDisconnected("a1", true), new AgentConnected("a1"));
  }

  @Test
  void agentLimitRejectsNewIdsButNotReconnects() {
    registry.connect(new FakeChannel("a1"));
    registry.connect(new FakeChannel("a2"));

    assertThatThrownBy(() -> registry.connect(new FakeChannel("a3")))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("limit");
    registry.connect(new FakeChannel("a1"));
    assertThat(registry.isKnown("a3")).isFalse();
  }

  @Test
  void onlyAgentsOfflineSinceBeforeTheCutoffAreForgotten() {
    FakeChannel gone = new FakeChannel("gone");
    registry.connect(gone);
    registry.disconnect(gone);
    registry.connect(new FakeChannel("online"));

    assertThat(registry.forgetOfflineSince(Instant.parse("2026-01-01T00:00:01Z")))
        .containsExactly("gone");
    assertThat(registry.isKnown("online")).isTrue();
    assertThat(registry.forgetOfflineSince(Instant.parse("2025-01-01T00:00:00Z"))).isEmpty();
    assertThat(events).contains(new AgentForgotten("gone"));
  }

  @Test
  void requireAnswers404ForUnknownAnd409ForOfflineAgents() {
    FakeChannel channel = new FakeChannel("a1");
    registry.connect(channel);
    registry.disconnect(channel);

    assertThatThrownBy(() -> registry.require("nobody"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    assertThat(registry.require("a1").connected()).isFalse();
    assertThatThrownBy(() -> registry.requireChannel("a1"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
  }
}
