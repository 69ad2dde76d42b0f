package io.nodelink.metrics.history.compact;

import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.MaintenanceReport;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.SeriesBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * The production history: per agent, per series, a raw tier of Gorilla-style compressed chunks
 * (about 1–2 bytes per value for host metrics) kept for the raw retention, and a coarse tier of
 * compressed min/avg/max/last buckets (count and sum kept, so averages merge exactly) kept for the
 * coarse retention. Raw points move to the coarse tier when {@link #maintain} ages them out or the
 * memory budget needs their room.
 *
 * <p>Thread-safe without a global lock: each series has its own lock for its open chunk, sealed
 * chunks are immutable and decoded by queries after the lock is released. Queries answer from the
 * raw tier alone when it covers the range (exactly like {@code SimpleHistoryStore}); when the range
 * reaches into the coarse tier, buckets are whole coarse buckets (see {@link QueryEvaluator}).
 */
public final class CompactHistoryStore implements HistoryStore {

  private final HistorySettings settings;
  private final UnflushedBudget unflushed;
  private final ConcurrentHashMap<String, AgentHistory> agents = new ConcurrentHashMap<>();
  private final MemoryAccount memory = new MemoryAccount();
  private final MemoryBudget budget;
  private final ChunkListener listener;
  private final ColdQuery cold;
  private volatile long memoryCompleteFrom = Long.MIN_VALUE;
  private volatile long staleAfterSeconds = -1;

  /** A store with {@link HistorySettings#defaults()}. */
  public CompactHistoryStore() {
    this(HistorySettings.defaults());
  }

  /** A store with the given settings; budget passes run on the appending thread. */
  public CompactHistoryStore(HistorySettings settings) {
    this(settings, Runnable::run);
  }

  /**
   * A store with the given settings whose budget passes, when an append finds the store over its
   * budget, run on {@code budgetExecutor}: a pass visits every series, which at thousands of agents
   * takes long enough to hold up the snapshot that noticed it.
   */
  public CompactHistoryStore(HistorySettings settings, Executor budgetExecutor) {
    this(settings, budgetExecutor, ChunkListener.NONE, null);
  }

  /**
   * The memory part of a durable store: sealed raw chunks go to {@code listener}, points appended
   * since the last {@link #drainUnflushed} are kept for it, and a query reaching before what memory
   * holds completely (before {@link #memoryCompleteFrom} or before raw points it let go of) reads
   * {@code cold} for that part.
   */
  public CompactHistoryStore(
      HistorySettings settings, Executor budgetExecutor, ChunkListener listener, ColdHistory cold) {
    this(settings, budgetExecutor, listener, cold, UnflushedBudget.UNBOUNDED);
  }

  /** Like the above, with the unflushed points of all agents held within {@code unflushed}. */
  public CompactHistoryStore(
      HistorySettings settings,
      Executor budgetExecutor,
      ChunkListener listener,
      ColdHistory cold,
      UnflushedBudget unflushed) {
    this.settings = settings;
    this.unflushed = unflushed;
    this.budget =
        new MemoryBudget(settings.memoryBudgetBytes(), memory, agents::values, budgetExecutor);
    this.listener = listener;
    this.cold = cold == null ? null : new ColdQuery(cold, settings.coarseSeconds());
  }

  /**
   * Declares that memory holds every point from {@code seconds} on (a durable store that just
   * started holds older ones only on disk); queries starting earlier read the cold history.
   */
  public void memoryCompleteFrom(long seconds) {
    memoryCompleteFrom = seconds;
  }

  /**
   * Declares that agents move between servers sharing one database: memory holds an agent's points
   * completely only from the first point it appended in this run (before, it may have been on
   * another server), and only while its newest point is at most {@code staleAfterSeconds} before
   * the query's end (after, it may be on another server); other queries read the cold history too.
   */
  public void memoryCompletePerAgent(long staleAfterSeconds) {
    this.staleAfterSeconds = staleAfterSeconds;
  }

  public HistorySettings settings() {
    return settings;
  }

  @Override
  public void append(String agentId, String series, long timestampSeconds, double value) {
    if (Double.isNaN(value)) {
      return;
    }
    AgentHistory agent = store(agentId, series, timestampSeconds, value);
    if (agent.unflushed() != null) {
      agent.unflushed().add(timestampSeconds, series, value);
    }
  }

  /** Stores one point; returns the agent that holds it. */
  private AgentHistory store(String agentId, String series, long timestampSeconds, double value) {
    while (true) {
      AgentHistory agent = agent(agentId);
      int outcome = agent.seriesFor(series).append(timestampSeconds, value);
      if (outcome != SeriesHistory.REMOVED) {
        if (outcome == SeriesHistory.RESIZED) {
          budget.checkAfterGrowth();
        }
        return agent;
      }
    }
  }

  @Override
  public void appendAll(String agentId, long timestampSeconds, SeriesBatch values) {
    boolean resized = false;
    AgentHistory agent = agent(agentId);
    AgentHistory.Layout layout = agent.layoutFor(values);
    SeriesHistory[] series = layout.series();
    for (int i = 0; i < values.size(); i++) {
      double value = values.value(i);
      if (Double.isNaN(value)) {
        continue;
      }
      if (series[i] == null) {
        // A benign race: another thread can only store the same series here.
        series[i] = agent.seriesFor(values.name(i));
      }
      int outcome = series[i].append(timestampSeconds, value);
      if (outcome == SeriesHistory.REMOVED) {
        agent.forgetLayout();
        agent = store(agentId, values.name(i), timestampSeconds, value);
      }
      resized |= outcome == SeriesHistory.RESIZED;
    }
    if (agent.unflushed() != null) {
      agent.unflushed().add(timestampSeconds, layout.nameArray(), values.valuesCopy());
    }
    if (resized) {
      budget.checkAfterGrowth();
    }
  }

  /**
   * Stores a point restored from a durable store's record of unflushed points: like {@link #append}
   * but not handed out again by {@link #drainUnflushed}.
   */
  public void appendRestored(String agentId, String series, long timestampSeconds, double value) {
    if (!Double.isNaN(value)) {
      store(agentId, series, timestampSeconds, value);
    }
  }

  /** Receives one agent's unflushed points. */
  @FunctionalInterface
  public interface UnflushedSink {
    void accept(String agentId, UnflushedPoints points);
  }

  /** Hands every agent's points appended since the last call to {@code sink}. */
  public void drainUnflushed(UnflushedSink sink) {
    drainUnflushed(agent -> true, sink);
  }

  /** Like {@link #drainUnflushed(UnflushedSink)}, for the agents {@code agents} accepts. */
  public void drainUnflushed(Predicate<String> agents, UnflushedSink sink) {
    for (AgentHistory agent : this.agents.values()) {
      if (!agents.test(agent.id())) {
        continue;
      }
      UnflushedLog.Drained drained = agent.unflushed() == null ? null : agent.unflushed().drain();
      if (drained != null) {
        UnflushedPoints points =
            drained.lostAny() ? LostEntries.restored(agent, drained) : drained.points();
        if (points.size() > 0) {
          sink.accept(agent.id(), points);
        }
      }
    }
  }

  /**
   * The newest timestamp the agent appended, or {@code Long.MIN_VALUE}: no series of the agent has
   * a point in a later chunk window, so none sealed a window for a later point.
   */
  public long newestAppended(String agentId) {
    AgentHistory agent = agents.get(agentId);
    return agent == null || agent.unflushed() == null ? Long.MIN_VALUE : agent.unflushed().newest();
  }

  /** Seals the open chunks whose window ended before {@code nowSeconds} (idle series). */
  public void sealEndedWindows(long nowSeconds) {
    sealEndedWindows(nowSeconds, agent -> true);
  }

  /** Like {@link #sealEndedWindows(long)}, for the agents {@code agents} accepts. */
  public void sealEndedWindows(long nowSeconds, Predicate<String> agents) {
    for (AgentHistory agent : this.agents.values()) {
      if (!agents.test(agent.id())) {
        continue;
      }
      for (SeriesHistory series : agent.all()) {
        series.sealIfWindowEnded(nowSeconds);
      }
    }
  }

  /**
   * The oldest point of this agent not yet handed to the chunk listener in a sealed chunk, or
   * {@code Long.MAX_VALUE}: a durable store may forget its record of older unflushed points once
   * the chunks holding them are written.
   */
  public long oldestUnsealed(String agentId) {
    AgentHistory agent = agents.get(agentId);
    long oldest = Long.MAX_VALUE;
    if (agent != null) {
      for (SeriesHistory series : agent.all()) {
        oldest = Math.min(oldest, series.oldestUnsealed());
      }
    }
    return oldest;
  }

  /**
   * The oldest point of this series not yet handed to the chunk listener in a sealed chunk, or
   * {@code Long.MAX_VALUE}.
   */
  public long oldestUnsealed(String agentId, String series) {
    AgentHistory agent = agents.get(agentId);
    SeriesHistory history = agent == null ? null : agent.get(series);
    return history == null ? Long.MAX_VALUE : history.oldestUnsealed();
  }

  /**
   * The seconds in {@code [from, to]} at which memory holds a raw point of the series (sealed, open
   * or late), ascending: a durable store keeps these over points of the same seconds from another
   * writer's records.
   */
  public long[] rawSecondsHeld(String agentId, String series, long from, long to) {
    AgentHistory agent = agents.get(agentId);
    SeriesHistory history = agent == null ? null : agent.get(series);
    if (history == null) {
      return new long[0];
    }
    PointBuffer points = history.view(from, to).raw().points(from, to);
    return Arrays.copyOf(points.timestamps, points.size);
  }

  @Override
  public HistoryResult query(String agentId, RangeQuery query) {
    AgentHistory agent = agents.get(agentId);
    if (cold != null && query.startSeconds() < completeFrom(agent, query.endSeconds())) {
      return fromEarliest(cold.answer(agentId, agent, query), query);
    }
    List<QueryEvaluator.SeriesData> data = new ArrayList<>();
    if (agent != null) {
      Collection<String> names = query.series().isEmpty() ? agent.names() : query.series();
      for (String name : names) {
        SeriesHistory series = agent.get(name);
        if (series != null) {
          SeriesView view = series.view(query.startSeconds(), query.endSeconds());
          data.add(
              new QueryEvaluator.SeriesData(
                  name,
                  view.raw().points(query.startSeconds(), query.endSeconds()),
                  view.coarse().buckets(query.startSeconds(), query.endSeconds())));
        }
      }
    }
    return fromEarliest(QueryEvaluator.answer(data, query, settings.coarseSeconds()), query);
  }

  /** From when on memory's raw tier answers alone for this agent, up to {@code endSeconds}. */
  private long completeFrom(AgentHistory agent, long endSeconds) {
    long stale = staleAfterSeconds;
    if (stale < 0) {
      return completeFrom();
    }
    UnflushedLog appended = agent == null ? null : agent.unflushed();
    long newest = appended == null ? Long.MIN_VALUE : appended.newest();
    if (newest == Long.MIN_VALUE || endSeconds - newest > stale) {
      return Long.MAX_VALUE;
    }
    return Math.max(completeFrom(), appended.oldest());
  }

  /** From when on memory's raw tier answers alone. */
  private long completeFrom() {
    long removed = memory.newestRemovedRaw();
    return Math.max(memoryCompleteFrom, removed == Long.MIN_VALUE ? removed : removed + 1);
  }

  private HistoryResult fromEarliest(HistoryResult result, RangeQuery query) {
    if (!query.fromEarliestKept()) {
      return result;
    }
    long horizon =
        Math.max(0, saturatedMinus(query.endSeconds(), settings.rawRetention().toSeconds()));
    return result.startingAtEarliestKept(horizon);
  }

  @Override
  public Set<String> seriesOf(String agentId) {
    AgentHistory agent = agents.get(agentId);
    Set<String> names = agent == null ? Set.of() : agent.names();
    if (cold == null) {
      return names;
    }
    java.util.TreeSet<String> all = new java.util.TreeSet<>(names);
    all.addAll(cold.seriesOf(agentId));
    return all;
  }

  @Override
  public void removeAgent(String agentId) {
    AgentHistory agent = agents.remove(agentId);
    if (agent != null) {
      agent.remove();
    }
  }

  /**
   * Applies both retentions relative to {@code nowSeconds} (raw points older than the raw retention
   * roll up into buckets, buckets older than the coarse retention go) and then the memory budget.
   * For the server's cleanup timer; the report says what was freed.
   */
  @Override
  public MaintenanceReport maintain(long nowSeconds) {
    return maintain(
        saturatedMinus(nowSeconds, settings.rawRetention().toSeconds()),
        saturatedMinus(nowSeconds, settings.coarseRetention().toSeconds()));
  }

  private MaintenanceReport maintain(long rawCutoff, long coarseCutoff) {
    long before = memory.bytes();
    MaintenanceReport evicted = evict(rawCutoff, coarseCutoff);
    long budgetDropped = budget.enforce();
    return new MaintenanceReport(
        evicted.rolledUpValues(), evicted.droppedBuckets() + budgetDropped, before, memory.bytes());
  }

  private MaintenanceReport evict(long rawCutoff, long coarseCutoff) {
    long before = memory.bytes();
    MaintenanceCounts report = new MaintenanceCounts();
    for (AgentHistory agent : agents.values()) {
      for (SeriesHistory series : agent.all()) {
        series.evict(rawCutoff, coarseCutoff, report);
      }
    }
    return report.build(before, memory.bytes());
  }

  private static long saturatedMinus(long a, long b) {
    long result = a - b;
    // Overflow iff the operands have different signs and the result's sign differs from a's.
    if (((a ^ b) & (a ^ result)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return result;
  }

  /** The memory estimate, from the sizes of the chunk arrays and fixed per-object overheads. */
  @Override
  public long sizeBytes() {
    return memory.bytes();
  }

  /** Raw values plus coarse buckets (one stored value each). */
  @Override
  public long valueCount() {
    HistoryStats stats = stats();
    return stats.rawValues() + stats.coarseBuckets();
  }

  /** Counts of what is stored, for gauges and benchmarks. */
  public HistoryStats stats() {
    long raw = 0;
    long coarse = 0;
    long series = 0;
    for (AgentHistory agent : agents.values()) {
      for (SeriesHistory s : agent.all()) {
        raw += s.rawCount();
        coarse += s.coarseCount();
        series++;
      }
    }
    return new HistoryStats(agents.size(), series, raw, coarse, memory.bytes());
  }

  private AgentHistory agent(String agentId) {
    AgentHistory agent = agents.get(agentId);
    return agent != null
        ? agent
        : agents.computeIfAbsent(
            agentId, id -> new AgentHistory(id, settings, memory, listener, unflushed));
  }
}
