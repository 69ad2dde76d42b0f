package io.nodelink.metrics.server.grpc;

import io.nodelink.metrics.pb.TaskResponse;

/** What the stream service reports about agent streams; the ingest bean implements it. */
public interface AgentStreamHandler {

  /**
   * A stream was accepted.
   *
   * @throws AgentRejectedException to refuse it (for example, too many agents)
   */
  void connected(AgentSession session);

  /** The agent sent one message on an accepted stream. */
  void received(AgentSession session, TaskResponse response);

  /** An accepted stream ended, for whatever reason; called once per session. */
  void disconnected(AgentSession session);
}
