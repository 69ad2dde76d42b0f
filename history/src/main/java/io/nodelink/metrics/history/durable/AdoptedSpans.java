package io.nodelink.metrics.history.durable;

import io.nodelink.metrics.history.compact.EncodedChunk;
import io.nodelink.metrics.history.compact.Rollups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The seconds of this writer's own points that another writer adopted from its tail records while
 * it stalled (see {@link TailAdoption}), per agent: the chunks this writer seals later still hold
 * them (its raw points replace the adopted ones of the same seconds), but their minute and hour
 * buckets leave them out, since the adopter's buckets count them already. Used by the writer's
 * thread only.
 */
final class AdoptedSpans {

  private final Map<String, List<long[]>> byAgent = new HashMap<>();

  /** The agent's points in {@code [from, through]} were adopted. */
  void add(String agentId, long from, long through) {
    byAgent.computeIfAbsent(agentId, a -> new ArrayList<>()).add(new long[] {from, through});
  }

  boolean affects(String agentId) {
    return byAgent.containsKey(agentId);
  }

  /**
   * What of a raw chunk of the agent its buckets are built from: the chunk less the adopted
   * seconds; null if nothing is left.
   */
  EncodedChunk bucketSource(String agentId, EncodedChunk raw) {
    EncodedChunk left = raw;
    for (long[] span : byAgent.getOrDefault(agentId, List.of())) {
      if (left == null) {
        return null;
      }
      left = Rollups.rawWithout(left, span[0], span[1]);
    }
    return left;
  }
}
