package io.nodelink.metrics.server.agents;

/**
 * Where the {@link AgentRegistry} publishes each lifecycle transition; in the server, {@link
 * CdiAgentEvents} turns them into CDI events that the store, tasks, streaming and SSE observe.
 */
public interface AgentEvents {

  /** Publishes nothing (unit tests that only look at the registry). */
  AgentEvents NONE = new AgentEvents() {};

  default void connected(AgentConnected event) {}

  default void disconnected(AgentDisconnected event) {}

  default void forgotten(AgentForgotten event) {}
}
