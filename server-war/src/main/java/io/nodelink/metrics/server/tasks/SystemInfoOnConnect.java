package io.nodelink.metrics.server.tasks;

import io.nodelink.metrics.server.agents.AgentConnected;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks each agent for its system info when it connects ({@code
 * nodelink.grpc.system-info-on-connect}), so the agent page has it without a refresh.
 */
@ApplicationScoped
public class SystemInfoOnConnect {

  private static final Logger LOG = Logger.getLogger(SystemInfoOnConnect.class.getName());

  private final TaskDispatcher dispatcher;
  private final boolean enabled;

  @Inject
  public SystemInfoOnConnect(TaskDispatcher dispatcher, ServerConfig config) {
    this(dispatcher, config.systemInfoOnConnect());
  }

  public SystemInfoOnConnect(TaskDispatcher dispatcher, boolean enabled) {
    this.dispatcher = dispatcher;
    this.enabled = enabled;
  }

  /** For the CDI proxy only. */
  protected SystemInfoOnConnect() {
    this(null, false);
  }

  public void onAgentConnected(@Observes AgentConnected event) {
    if (!enabled) {
      return;
    }
    try {
      dispatcher.requestSystemInfo(event.agentId());
    } catch (DomainException e) {
      LOG.log(
          Level.FINE,
          "No system info request to agent {0}: {1}",
          new Object[] {event.agentId(), e.getMessage()});
    }
  }
}
