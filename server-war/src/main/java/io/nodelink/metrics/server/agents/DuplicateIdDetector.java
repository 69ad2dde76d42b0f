package io.nodelink.metrics.server.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Tells two live hosts presenting one agent id apart from one host reconnecting, for one agent id.
 * The registry asks it before a new connection replaces a live one; it is not thread-safe (the
 * registry calls it under the agent's transition lock).
 *
 * <p>A new connection is refused while another is live when:
 *
 * <ul>
 *   <li>both present an identity and they differ (another hostname or machine id), or
 *   <li>the identity cannot tell (an agent that presents none) and the id was already found
 *       duplicated within {@link #FLAG_MEMORY}, or the live connection was replaced {@link
 *       #FLAP_REPLACEMENTS} times within {@link #FLAP_WINDOW}: one host restarting replaces its old
 *       connection once, two hosts swap places again and again.
 * </ul>
 *
 * A connection that presents the live connection's identity always replaces it (a restart of the
 * same host). A refused connection's host retries and gets in once the live one ends, so a zombie
 * connection of a restarted host delays it at most until keepalive ends that connection.
 */
final class DuplicateIdDetector {

  /** The span in which repeated replacements count as flapping. */
  static final Duration FLAP_WINDOW = Duration.ofSeconds(60);

  /** Replacements within {@link #FLAP_WINDOW} that make the next one a duplicate. */
  static final int FLAP_REPLACEMENTS = 3;

  /** How long the id stays flagged after the last duplicate was seen. */
  static final Duration FLAG_MEMORY = Duration.ofMinutes(10);

  private final Deque<Instant> replacements = new ArrayDeque<>();
  private HostIdentity lastReplaced = HostIdentity.UNKNOWN;
  private Instant lastReplacedAt;
  private Instant lastDetectedAt;

  /**
   * Whether a connection from {@code incoming} must be refused while one from {@code live} is
   * connected; a refusal flags the id.
   *
   * @return why it is refused, for the agent and the log; empty to let it replace the live one
   */
  Optional<String> refusal(HostIdentity live, HostIdentity incoming, Instant now) {
    prune(now);
    String reason = null;
    if (live.differsFrom(incoming)) {
      reason =
          "it is connected from "
              + live.describe()
              + ", this connection is from "
              + incoming.describe();
    } else if (live.isKnown() && incoming.isKnown()) {
      return Optional.empty(); // the same host again: a restart
    } else if (isFlagged(now)) {
      reason = "it was already found in use by two hosts";
    } else if (replacements.size() >= FLAP_REPLACEMENTS) {
      reason =
          "its connection was replaced "
              + replacements.size()
              + " times within "
              + FLAP_WINDOW.toSeconds()
              + " s";
    }
    if (reason == null) {
      return Optional.empty();
    }
    lastDetectedAt = now;
    return Optional.of(reason);
  }

  /** A connection from {@code old} was replaced by a new one. */
  void replaced(HostIdentity old, Instant now) {
    prune(now);
    replacements.addLast(now);
    lastReplaced = old;
    lastReplacedAt = now;
  }

  /**
   * The live connection turned out to come from {@code current} (its system info arrived). If it
   * replaced a connection from another host moments ago, two hosts share the id.
   *
   * @return true if that flagged the id just now
   */
  boolean identified(HostIdentity current, Instant now) {
    if (lastReplacedAt == null
        || now.isAfter(lastReplacedAt.plus(FLAP_WINDOW))
        || !lastReplaced.differsFrom(current)) {
      return false;
    }
    boolean fresh = !isFlagged(now);
    lastDetectedAt = now;
    return fresh;
  }

  /** Whether a duplicate was seen within {@link #FLAG_MEMORY}. */
  boolean isFlagged(Instant now) {
    return lastDetectedAt != null && now.isBefore(lastDetectedAt.plus(FLAG_MEMORY));
  }

  private void prune(Instant now) {
    Instant cutoff = now.minus(FLAP_WINDOW);
    while (!replacements.isEmpty() && replacements.peekFirst().isBefore(cutoff)) {
      replacements.removeFirst();
    }
  }
}
