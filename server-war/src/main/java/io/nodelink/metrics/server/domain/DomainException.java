package io.nodelink.metrics.server.domain;

/**
 * A failure the caller can act on, with a message fit for the API's {@code {"error": ...}} body.
 */
public class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, which decides the HTTP status. */
  public enum Kind {
    /** 400: the request itself is wrong. */
    BAD_REQUEST,
    /** 404: the agent or task does not exist. */
    NOT_FOUND,
    /** 409: the target is in the wrong state (agent offline, task already finished). */
    CONFLICT,
    /** 503: a configured limit is reached; retry later. */
    LIMIT_REACHED
  }

  private final Kind kind;
  private final int retryAfterSeconds;

  public DomainException(Kind kind, String message) {
    this(kind, message, 0);
  }

  private DomainException(Kind kind, String message, int retryAfterSeconds) {
    super(message);
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public Kind kind() {
    return kind;
  }

  /** Seconds after which a retry may succeed (HTTP {@code Retry-After}); 0 = not said. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static DomainException badRequest(String message) {
    return new DomainException(Kind.BAD_REQUEST, message);
  }

  public static DomainException notFound(String message) {
    return new DomainException(Kind.NOT_FOUND, message);
  }

  public static DomainException conflict(String message) {
    return new DomainException(Kind.CONFLICT, message);
  }

  public static DomainException limitReached(String message) {
    return new DomainException(Kind.LIMIT_REACHED, message);
  }

  /** A limit that frees up soon: retrying after {@code retryAfterSeconds} may succeed. */
  public static DomainException limitReached(String message, int retryAfterSeconds) {
    return new DomainException(Kind.LIMIT_REACHED, message, retryAfterSeconds);
  }

  /** The contract's 404 for an unknown agent id. */
  public static DomainException agentNotFound() {
    return notFound("agent not found");
  }

  /** The contract's 409 for a command to an agent without a live stream. */
  public static DomainException agentOffline() {
    return conflict("agent offline");
  }
}
