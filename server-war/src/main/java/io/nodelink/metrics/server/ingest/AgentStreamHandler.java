package io.nodelink.metrics.server.ingest;

import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.server.agents.AgentChannel;
import io.nodelink.metrics.server.domain.DomainException;

/**
 * What a transport reports about agent streams. The gRPC layer calls it; {@link AgentIngest}
 * implements it, so the transport knows nothing of the registry, tasks or store behind it.
 */
public interface AgentStreamHandler {

  /**
   * A stream was accepted.
   *
   * @throws DomainException to refuse it (for example, too many agents)
   */
  void connected(AgentChannel channel);

  /** The agent sent one message on an accepted stream. */
  void received(AgentChannel channel, TaskResponse response);

  /** An accepted stream ended, for whatever reason; called once per channel. */
  void disconnected(AgentChannel channel);
}
