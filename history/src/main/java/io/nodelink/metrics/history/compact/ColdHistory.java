package io.nodelink.metrics.history.compact;

import java.util.List;
import java.util.Set;

/**
 * History older than what {@link CompactHistoryStore} keeps in memory, in a durable store: raw
 * chunks, and coarse chunks of one-minute and one-hour buckets rolled up from them. The store reads
 * it for the part of a query its memory cannot answer.
 */
public interface ColdHistory {

  /** The stored tiers and the bucket width of each (0: raw points). */
  enum Tier {
    RAW(0),
    MINUTE(60),
    HOUR(3600);

    private final long width;

    Tier(long width) {
      this.width = width;
    }

    public long width() {
      return width;
    }
  }

  /**
   * The chunks of one tier of one series holding any point in {@code [from, to]}, in the order they
   * were written (a later chunk's points replace an earlier one's of the same second).
   */
  List<EncodedChunk> chunks(String agentId, String series, Tier tier, long from, long to);

  /** The series this agent has stored chunks of. */
  Set<String> seriesOf(String agentId);

  /** The oldest stored point of this agent in any tier, or {@code Long.MAX_VALUE}. */
  long earliest(String agentId);

  /** The oldest time {@code tier} still keeps (its retention's horizon), Unix seconds. */
  long horizon(Tier tier);
}
