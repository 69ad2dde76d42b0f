package io.nodelink.metrics.server.streaming;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streaming commands that failed, per agent: the last reason, shown in the agent's status until a
 * later command goes out, and logged at WARNING at most once per {@link #LOG_EVERY} per agent (a
 * full task table fails every attempt, and SSE clients retry).
 */
final class StreamingFailures {

  private static final Logger LOG = Logger.getLogger(StreamingFailures.class.getName());

  static final Duration LOG_EVERY = Duration.ofMinutes(1);

  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  StreamingFailures(Clock clock) {
    this.clock = clock;
  }

  /** A streaming command for {@code agentId} failed for {@code reason}. */
  void failed(String agentId, String what, String reason) {
    Instant now = clock.instant();
    Failure previous = failures.get(agentId);
    boolean warn = previous == null || !now.isBefore(previous.warnedAt().plus(LOG_EVERY));
    failures.put(agentId, new Failure(reason, warn ? now : previous.warnedAt()));
    LOG.log(
        warn ? Level.WARNING : Level.FINE,
        "Streaming on agent {0} failed ({1}): {2}",
        new Object[] {agentId, what, reason});
  }

  /** A streaming command for {@code agentId} went out: the earlier failure is history. */
  void succeeded(String agentId) {
    failures.computeIfPresent(
        agentId, (id, f) -> f.reason().isEmpty() ? f : new Failure("", f.warnedAt()));
  }

  /** Why the agent's last streaming command failed, "" if it did not. */
  String lastError(String agentId) {
    Failure failure = failures.get(agentId);
    return failure == null ? "" : failure.reason();
  }

  void forget(String agentId) {
    failures.remove(agentId);
  }

  private record Failure(String reason, Instant warnedAt) {}
}
