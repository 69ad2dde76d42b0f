package io.nodelink.metrics.server.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.nodelink.metrics.pb.AgentServiceGrpc;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.server.agents.DuplicateAgentIdException;
import io.nodelink.metrics.server.agents.HostIdentity;
import io.nodelink.metrics.server.auth.AgentIdentity;
import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.ingest.AgentStreamHandler;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code pb.AgentService}: one long-lived bidirectional stream per agent. The agent id is the one
 * the {@code AgentAuthInterceptor} authenticated, never the one inside messages. Everything beyond
 * the transport is the {@link AgentStreamHandler}'s job.
 */
public final class AgentStreamService extends AgentServiceGrpc.AgentServiceImplBase {

  private static final Logger LOG = Logger.getLogger(AgentStreamService.class.getName());

  private final AgentStreamHandler handler;

  public AgentStreamService(AgentStreamHandler handler) {
    this.handler = handler;
  }

  @Override
  public StreamObserver<TaskResponse> streamTasks(StreamObserver<TaskRequest> responses) {
    String agentId = AgentIdentity.current();
    if (agentId == null) {
      // Only reachable if the service is bound without the interceptor.
      responses.onError(Status.UNAUTHENTICATED.withDescription("no agent identity").asException());
      return new IgnoringObserver();
    }
    AgentSession session =
        new AgentSession(
            agentId,
            new HostIdentity(AgentIdentity.HOSTNAME.get(), AgentIdentity.MACHINE_ID.get()),
            responses);
    if (responses instanceof ServerCallStreamObserver<TaskRequest> serverSide) {
      serverSide.setOnCancelHandler(() -> LOG.log(Level.FINE, "{0} cancelled", session));
    }
    try {
      handler.connected(session);
    } catch (DuplicateAgentIdException e) {
      // The registry logs it, rate-limited: the other host retries for as long as it runs.
      LOG.log(Level.FINE, "Refused agent {0}: {1}", new Object[] {agentId, e.getMessage()});
      session.close(Status.ALREADY_EXISTS.withDescription(e.getMessage()));
      return new IgnoringObserver();
    } catch (DomainException e) {
      LOG.log(Level.WARNING, "Refused agent {0}: {1}", new Object[] {agentId, e.getMessage()});
      session.close(refusal(e));
      return new IgnoringObserver();
    }
    LOG.log(Level.FINE, "{0} connected", session);
    return new FromAgent(session);
  }

  private static Status refusal(DomainException e) {
    Status status =
        e.kind() == DomainException.Kind.LIMIT_REACHED
            ? Status.RESOURCE_EXHAUSTED
            : Status.FAILED_PRECONDITION;
    return status.withDescription(e.getMessage());
  }

  /** Receives the agent's messages of one session and reports its end exactly once. */
  private final class FromAgent implements StreamObserver<TaskResponse> {
    private final AgentSession session;
    private final AtomicBoolean ended = new AtomicBoolean();

    FromAgent(AgentSession session) {
      this.session = session;
    }

    @Override
    public void onNext(TaskResponse response) {
      LOG.log(
          Level.FINER,
          "{0} sent task {1} status {2} final {3} payload {4}",
          new Object[] {
            session,
            response.getTaskId(),
            response.getStatus(),
            response.getIsFinal(),
            response.getResponseCase()
          });
      try {
        handler.received(session, response);
      } catch (RuntimeException e) {
        // One bad message must not end the agent's stream.
        LOG.log(Level.WARNING, "Failed to handle a message from " + session, e);
      }
    }

    @Override
    public void onError(Throwable t) {
      LOG.log(Level.FINE, "{0} ended: {1}", new Object[] {session, Status.fromThrowable(t)});
      end();
    }

    @Override
    public void onCompleted() {
      LOG.log(Level.FINE, "{0} completed its stream", session);
      session.complete();
      end();
    }

    private void end() {
      if (ended.compareAndSet(false, true)) {
        session.markEnded();
        handler.disconnected(session);
      }
    }
  }

  /** The request side of a refused stream. */
  private static final class IgnoringObserver implements StreamObserver<TaskResponse> {
    @Override
    public void onNext(TaskResponse value) {}

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }
}
