package io.nodelink.metrics.server.agents;

import io.nodelink.metrics.pb.TaskRequest;

/**
 * The way to reach one connected agent, whatever carries it: the registry, the tasks and the
 * streaming control talk to agents through this, never through the transport's classes.
 */
public interface AgentChannel {

  /** The authenticated agent id of this channel. */
  String agentId();

  /** The host this channel says it comes from, {@link HostIdentity#UNKNOWN} if it says nothing. */
  default HostIdentity hostIdentity() {
    return HostIdentity.UNKNOWN;
  }

  /**
   * Sends one command to the agent.
   *
   * @return false if the channel has already ended
   */
  boolean send(TaskRequest request);

  /** Ends the channel from the server's side: a newer connection of the same agent took over. */
  void closeReplaced();
}
