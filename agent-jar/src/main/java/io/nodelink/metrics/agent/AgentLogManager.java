package io.nodelink.metrics.agent;

import java.util.logging.LogManager;

/**
 * A LogManager whose {@code reset()} is a no-op: the JDK resets (closes) every handler in its own
 * shutdown hook, racing the agent's hook, which would lose the last log lines of a SIGTERM stop.
 */
public final class AgentLogManager extends LogManager {
  @Override
  public void reset() {
    // Intentionally empty; see the class comment.
  }
}
