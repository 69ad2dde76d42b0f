package io.nodelink.metrics.server.grpc;

import io.grpc.Status;

/** Thrown by {@link AgentStreamHandler#connected} to refuse a stream with a gRPC status. */
public class AgentRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Status status;

  public AgentRejectedException(Status status) {
    super(status.getDescription());
    this.status = status;
  }

  public Status status() {
    return status;
  }
}
