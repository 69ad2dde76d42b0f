package io.nodelink.metrics.server.agents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires the lifecycle events as synchronous CDI events, so each observer has finished before the
 * registry publishes the agent's next transition.
 */
@ApplicationScoped
public class CdiAgentEvents implements AgentEvents {

  private static final Logger LOG = Logger.getLogger(CdiAgentEvents.class.getName());

  @Inject Event<AgentConnected> connected;

  @Inject Event<AgentDisconnected> disconnected;

  @Inject Event<AgentForgotten> forgotten;

  @Override
  public void connected(AgentConnected event) {
    fire(connected, event);
  }

  @Override
  public void disconnected(AgentDisconnected event) {
    fire(disconnected, event);
  }

  @Override
  public void forgotten(AgentForgotten event) {
    fire(forgotten, event);
  }

  private static <T> void fire(Event<T> channel, T event) {
    try {
      channel.fire(event);
    } catch (RuntimeException e) {
      // A failing observer must not leave the registry half-way through a transition.
      LOG.log(Level.WARNING, "An observer of " + event + " failed", e);
    }
  }
}
