package io.nodelink.metrics.server.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.server.agents.AgentChannel;
import io.nodelink.metrics.server.agents.HostIdentity;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One accepted agent stream: the gRPC form of an {@link AgentChannel}. gRPC stream observers are
 * not thread-safe, so sends and the close are serialised here; after the stream ended every send
 * reports failure instead of throwing.
 */
public final class AgentSession implements AgentChannel {

  private static final Logger LOG = Logger.getLogger(AgentSession.class.getName());
  private static final AtomicLong IDS = new AtomicLong();

  private final long id = IDS.incrementAndGet();
  private final String agentId;
  private final HostIdentity host;
  private final StreamObserver<TaskRequest> toAgent;
  private boolean closed;

  public AgentSession(String agentId, StreamObserver<TaskRequest> toAgent) {
    this(agentId, HostIdentity.UNKNOWN, toAgent);
  }

  /** A session whose agent presented {@code host} when it connected. */
  public AgentSession(String agentId, HostIdentity host, StreamObserver<TaskRequest> toAgent) {
    this.agentId = agentId;
    this.host = host;
    this.toAgent = toAgent;
  }

  /** Unique per stream, so a replaced stream's late events are recognised as stale. */
  public long id() {
    return id;
  }

  @Override
  public String agentId() {
    return agentId;
  }

  @Override
  public HostIdentity hostIdentity() {
    return host;
  }

  /**
   * Sends one command to the agent.
   *
   * @return false if the stream has already ended
   */
  @Override
  public synchronized boolean send(TaskRequest request) {
    if (closed) {
      return false;
    }
    try {
      toAgent.onNext(request.toBuilder().setAgentId(agentId).build());
      LOG.log(
          Level.FINER,
          "Sent task {0} ({1}) to agent {2}",
          new Object[] {request.getTaskId(), request.getTaskCase(), agentId});
      return true;
    } catch (RuntimeException e) {
      // The call was cancelled under us (agent gone); the stream's own callbacks clean up.
      LOG.log(Level.FINE, "Send to agent " + agentId + " failed", e);
      closed = true;
      return false;
    }
  }

  @Override
  public void closeReplaced() {
    close(Status.ABORTED.withDescription("replaced by a newer connection"));
  }

  /** Ends the stream from the server side with {@code status}; later calls are no-ops. */
  public synchronized void close(Status status) {
    if (closed) {
      return;
    }
    closed = true;
    try {
      toAgent.onError(status.asRuntimeException());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Closing the stream of agent " + agentId + " failed", e);
    }
  }

  /** Completes the stream normally (the agent completed its side first). */
  synchronized void complete() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      toAgent.onCompleted();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Completing the stream of agent " + agentId + " failed", e);
    }
  }

  /** Marks the stream ended by the agent or the transport; nothing is sent after this. */
  synchronized void markEnded() {
    closed = true;
  }

  public synchronized boolean isOpen() {
    return !closed;
  }

  @Override
  public String toString() {
    return "AgentSession[" + agentId + "#" + id + "]";
  }
}
