package io.nodelink.metrics.history.compact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the store under its byte budget: when over it, first every agent above its fair share (the
 * max-min fair split of the target: agents under it keep all they have, the rest is split evenly
 * among the others) loses its own oldest sealed raw chunks to the coarse tier, then its oldest
 * coarse chunks, down to that share, so one agent's volume never pushes out another's history;
 * then, if the store is still over, the oldest sealed raw chunks of every series are rolled up (the
 * same time cutoff for all), then the oldest sealed coarse chunks dropped, down to 90% of the
 * budget so it does not run again at once. One pass at a time, on the executor the store was given
 * (by default the thread that noticed the overflow); appends carry on meanwhile.
 */
final class MemoryBudget {

  private static final Logger LOG = Logger.getLogger(CompactHistoryStore.class.getName());

  /** Roll-ups add coarse buckets back, so a pass may need a few rounds to reach its target. */
  private static final int MAX_ROUNDS = 4;

  private final long limit;
  private final MemoryAccount memory;
  private final Supplier<Collection<AgentHistory>> agents;
  private final ReentrantLock running = new ReentrantLock();

  /**
   * Above what the append path tries again: the limit, or after a pass that could not get under it
   * (what is left is open chunks and recent data) a tenth of the budget more than that pass left.
   * Without it every growth re-ran a futile pass over all series: at 10,000 agents that was seconds
   * of CPU and two warnings every half second.
   */
  private volatile long retryAbove;

  private final Executor executor;
  private final AtomicBoolean scheduled = new AtomicBoolean();

  MemoryBudget(
      long limit,
      MemoryAccount memory,
      Supplier<Collection<AgentHistory>> agents,
      Executor executor) {
    this.limit = limit;
    this.memory = memory;
    this.agents = agents;
    this.executor = executor;
    this.retryAbove = limit;
  }

  /** Cheap check for the append path; a pass it starts runs on the executor, one at a time. */
  void checkAfterGrowth() {
    if (limit > 0 && memory.bytes() > retryAbove && scheduled.compareAndSet(false, true)) {
      try {
        executor.execute(this::scheduledPass);
      } catch (RejectedExecutionException e) {
        // Shutting down, or a saturated pool: the next growth or the cleanup timer tries again.
        scheduled.set(false);
      }
    }
  }

  private void scheduledPass() {
    try {
      enforce();
    } finally {
      scheduled.set(false);
    }
  }

  /**
   * Brings the store under the budget if it is over.
   *
   * @return coarse buckets dropped
   */
  long enforce() {
    long before = memory.bytes();
    if (limit <= 0 || before <= limit || !running.tryLock()) {
      return 0;
    }
    try {
      long target = limit - limit / 10;
      List<AgentHistory> overShare = new ArrayList<>();
      long[] fair = trimAgentsOverFairShare(target, overShare);
      long rolledUp = fair[0];
      long rawCutoff = Long.MIN_VALUE;
      for (int round = 0; round < MAX_ROUNDS && memory.bytes() > target; round++) {
        long cutoff = cutoffFreeing(overShare, memory.bytes() - target, false);
        if (cutoff == Long.MIN_VALUE) {
          break;
        }
        rawCutoff = cutoff;
        for (AgentHistory agent : overShare) {
          for (SeriesHistory series : agent.all()) {
            rolledUp += series.rollUpSealedOlderThan(cutoff);
          }
        }
      }
      long dropped = fair[1];
      long coarseCutoff = Long.MIN_VALUE;
      for (int round = 0; round < MAX_ROUNDS && memory.bytes() > target; round++) {
        long cutoff = cutoffFreeing(overShare, memory.bytes() - target, true);
        if (cutoff == Long.MIN_VALUE) {
          break;
        }
        coarseCutoff = cutoff;
        for (AgentHistory agent : overShare) {
          for (SeriesHistory series : agent.all()) {
            dropped += series.dropSealedCoarseOlderThan(cutoff);
          }
        }
      }
      long after = memory.bytes();
      retryAbove = after > limit ? after + limit / 10 : limit;
      log(before, after, rolledUp, rawCutoff, dropped, coarseCutoff);
      return dropped;
    } finally {
      running.unlock();
    }
  }

  private void log(
      long before, long after, long rolledUp, long rawCutoff, long dropped, long coarseCutoff) {
    LOG.log(
        Level.WARNING,
        "History over its memory budget ({0} > {1} bytes): rolled {2} raw values older than {3}"
            + " into the coarse tier, dropped {4} coarse buckets older than {5}; now {6} bytes",
        new Object[] {
          Long.toString(before),
          Long.toString(limit),
          Long.toString(rolledUp),
          instant(rawCutoff),
          Long.toString(dropped),
          instant(coarseCutoff),
          Long.toString(after)
        });
    if (after > limit) {
      LOG.log(
          Level.WARNING,
          "History still over its memory budget ({0} > {1} bytes): what is left is open chunks"
              + " and recent data; raise nodelink.history.memory-budget. Next attempt above {2}"
              + " bytes",
          new Object[] {Long.toString(after), Long.toString(limit), Long.toString(retryAbove)});
    }
  }

  private static String instant(long seconds) {
    return seconds == Long.MIN_VALUE ? "-" : Instant.ofEpochSecond(seconds).toString();
  }

  /**
   * Trims every agent above its max-min fair share of {@code target} down to it, oldest first, and
   * collects those agents in {@code overShare}: if the store is still over, only they lose more.
   *
   * @return raw values rolled up and coarse buckets dropped
   */
  private long[] trimAgentsOverFairShare(long target, List<AgentHistory> overShare) {
    List<AgentHistory> all = new ArrayList<>(agents.get());
    if (all.size() < 2) {
      overShare.addAll(all);
      return new long[2];
    }
    long[][] sizes = new long[all.size()][];
    for (int i = 0; i < all.size(); i++) {
      sizes[i] = new long[] {all.get(i).bytes(), i};
    }
    java.util.Arrays.sort(sizes, Comparator.comparingLong(a -> a[0]));
    long share = fairShare(sizes, target);
    long[] freed = new long[2];
    for (long[] size : sizes) {
      if (size[0] > share) {
        AgentHistory agent = all.get((int) size[1]);
        overShare.add(agent);
        freed[0] += trim(agent, share, false);
        freed[1] += trim(agent, share, true);
      }
    }
    return freed;
  }

  /** The share such that agents under it keep theirs and the others split the rest evenly. */
  static long fairShare(long[][] sortedSizes, long target) {
    long remaining = target;
    int n = sortedSizes.length;
    for (int i = 0; i < n; i++) {
      long even = remaining / (n - i);
      if (sortedSizes[i][0] > even) {
        return even;
      }
      remaining -= sortedSizes[i][0];
    }
    return Long.MAX_VALUE;
  }

  private static long trim(AgentHistory agent, long share, boolean coarse) {
    long over = agent.bytes() - share;
    if (over <= 0) {
      return 0;
    }
    long cutoff = cutoffFreeing(List.of(agent), over, coarse);
    if (cutoff == Long.MIN_VALUE) {
      return 0;
    }
    long n = 0;
    for (SeriesHistory series : agent.all()) {
      n += coarse ? series.dropSealedCoarseOlderThan(cutoff) : series.rollUpSealedOlderThan(cutoff);
    }
    return n;
  }

  /**
   * The time cutoff that frees about {@code needed} bytes by removing the oldest sealed chunks over
   * all series of {@code from}, or {@link Long#MIN_VALUE} if there are none.
   */
  private static long cutoffFreeing(Collection<AgentHistory> from, long needed, boolean coarse) {
    List<long[]> chunks = new ArrayList<>();
    for (AgentHistory agent : from) {
      for (SeriesHistory series : agent.all()) {
        RawTier.ChunkSink sink = (newest, bytes) -> chunks.add(new long[] {newest, bytes});
        if (coarse) {
          series.coarseChunks(sink);
        } else {
          series.rawChunks(sink);
        }
      }
    }
    if (chunks.isEmpty()) {
      return Long.MIN_VALUE;
    }
    chunks.sort(Comparator.comparingLong(c -> c[0]));
    long freed = 0;
    for (long[] chunk : chunks) {
      freed += chunk[1];
      if (freed >= needed) {
        return chunk[0] + 1;
      }
    }
    return chunks.get(chunks.size() - 1)[0] + 1;
  }
}
