package io.nodelink.metrics.history.compact;

/**
 * Which chunk window a point of an agent falls in. Each agent's windows are shifted by a whole
 * number of minutes derived from its id, so the agents of a fleet do not all seal their chunks at
 * the same second (5,000 agents sealing at once made one flush write 600,000 chunks); the shift is
 * the same in every run, and whole minutes keep every minute bucket inside one chunk.
 */
public final class ChunkWindows {

  private ChunkWindows() {}

  /** The agent's shift in seconds: 0 up to the window less a minute, in whole minutes. */
  public static long phase(String agentId, long windowSeconds) {
    long minutes = windowSeconds / 60;
    if (minutes <= 1 || windowSeconds % 60 != 0) {
      return 0;
    }
    return Math.floorMod(agentId.hashCode() * 0x9E3779B9L, minutes) * 60;
  }

  /** The number of the window holding {@code timestamp}. */
  public static long windowOf(long timestamp, long phase, long windowSeconds) {
    return Math.floorDiv(timestamp - phase, windowSeconds);
  }
}
