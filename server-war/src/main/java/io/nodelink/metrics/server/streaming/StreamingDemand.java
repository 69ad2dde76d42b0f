package io.nodelink.metrics.server.streaming;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Who wants one agent to stream, and what the agent must be told. Every SSE client and a manual
 * {@code metrics/start} is a holder with an interval (and groups). The first holder causes a START
 * at the smallest interval any holder asked for; a change of that interval an UPDATE_INTERVAL; a
 * change of the groups a new START (which replaces the running stream on the agent); the last
 * holder gone a STOP. While the agent is offline nothing is sent; when it comes back while
 * streaming is wanted, START again.
 *
 * <p>With a collection baseline ({@code nodelink.collection.interval} above 0) the agent streams
 * every group at least that often while connected, held or not: the baseline is an implicit holder
 * of all groups that never leaves. Holders can only lower the interval, and when they leave the
 * stream returns to the baseline (UPDATE_INTERVAL) instead of stopping. Because the baseline wants
 * every group, a holder's groups never narrow the stream.
 *
 * <p>Plain and synchronous: the caller applies the returned commands in order, under this object's
 * lock if commands of concurrent calls must not interleave.
 */
public final class StreamingDemand {

  /** The holder id of a manual {@code metrics/start}. */
  public static final String MANUAL = "manual";

  /** A command for the agent. */
  public sealed interface Command permits Start, UpdateInterval, Stop {
    /** The id of the task that carries this command. */
    String taskId();
  }

  /** START a stream whose data will carry {@code taskId}; empty groups means all. */
  public record Start(String taskId, int intervalSeconds, List<String> groups) implements Command {}

  /** Change the running stream {@code streamTaskId} to a new interval. */
  public record UpdateInterval(
      String taskId, String streamTaskId, int intervalSeconds, List<String> groups)
      implements Command {}

  /** STOP the running stream {@code streamTaskId}. */
  public record Stop(String taskId, String streamTaskId) implements Command {}

  private record Hold(int intervalSeconds, Set<String> groups) {}

  private final Supplier<String> taskIds;
  private final int baselineSeconds;
  private final Map<String, Hold> holders = new LinkedHashMap<>();
  private boolean agentConnected;
  private String streamTaskId;
  private int streamInterval;
  private Set<String> streamGroups = Set.of();

  /** Streaming on demand only; {@code taskIds} gives each command its task id. */
  public StreamingDemand(Supplier<String> taskIds) {
    this(taskIds, 0);
  }

  /**
   * {@code baselineSeconds} is the interval the agent streams at with no holder, 0 for none
   * (streaming on demand only); {@code taskIds} gives each command its task id.
   */
  public StreamingDemand(Supplier<String> taskIds, int baselineSeconds) {
    if (baselineSeconds < 0) {
      throw new IllegalArgumentException("baseline must be 0 or positive: " + baselineSeconds);
    }
    this.taskIds = taskIds;
    this.baselineSeconds = baselineSeconds;
  }

  /** Adds or changes a holder; empty {@code groups} means every group. */
  public synchronized List<Command> hold(String holder, int intervalSeconds, List<String> groups) {
    holders.put(holder, new Hold(intervalSeconds, new TreeSet<>(groups)));
    return reconcile();
  }

  /** Removes a holder (unknown holders are ignored). */
  public synchronized List<Command> release(String holder) {
    if (holders.remove(holder) == null) {
      return List.of();
    }
    return reconcile();
  }

  /** The agent's stream was accepted: start streaming again if it is wanted. */
  public synchronized List<Command> agentConnected() {
    agentConnected = true;
    streamTaskId = null;
    return reconcile();
  }

  /** The agent's stream ended: whatever ran there is gone. */
  public synchronized void agentDisconnected() {
    agentConnected = false;
    streamTaskId = null;
  }

  /**
   * The agent ended or refused the stream task {@code taskId} on its own (failure, or a final
   * answer we did not ask for). No restart follows, so a refused START does not loop; the next
   * change of holders or a reconnect starts again.
   */
  public synchronized void streamEnded(String taskId) {
    if (taskId.equals(streamTaskId)) {
      streamTaskId = null;
    }
  }

  /**
   * The user cancelled the running stream task: the manual hold ends with it. If SSE clients still
   * hold streaming, or there is a baseline, a new stream starts for them.
   *
   * @return the commands to send after the cancel itself
   */
  public synchronized List<Command> streamCancelled(String taskId) {
    if (!taskId.equals(streamTaskId)) {
      return List.of();
    }
    streamTaskId = null;
    holders.remove(MANUAL);
    return reconcile();
  }

  /** Whether any holder wants streaming (the baseline is not a holder). */
  public synchronized boolean wanted() {
    return !holders.isEmpty();
  }

  /** The baseline interval the agent streams at without holders; 0 when there is none. */
  public int baselineSeconds() {
    return baselineSeconds;
  }

  public synchronized boolean isHeld(String holder) {
    return holders.containsKey(holder);
  }

  public synchronized int holderCount() {
    return holders.size();
  }

  /** The running stream's task, if the agent has been told to stream. */
  public synchronized Optional<String> streamTaskId() {
    return Optional.ofNullable(streamTaskId);
  }

  /** The interval the agent streams at, or 0 when it does not. */
  public synchronized int streamInterval() {
    return streamTaskId == null ? 0 : streamInterval;
  }

  private List<Command> reconcile() {
    if (!agentConnected) {
      return List.of();
    }
    if (holders.isEmpty() && baselineSeconds == 0) {
      if (streamTaskId == null) {
        return List.of();
      }
      Stop stop = new Stop(taskIds.get(), streamTaskId);
      streamTaskId = null;
      return List.of(stop);
    }
    int interval = wantedInterval();
    Set<String> groups = baselineSeconds > 0 ? Set.of() : unionOfGroups();
    if (streamTaskId == null || !groups.equals(streamGroups)) {
      streamTaskId = taskIds.get();
      streamInterval = interval;
      streamGroups = groups;
      return List.of(new Start(streamTaskId, interval, List.copyOf(groups)));
    }
    if (interval != streamInterval) {
      streamInterval = interval;
      return List.of(
          new UpdateInterval(taskIds.get(), streamTaskId, interval, List.copyOf(groups)));
    }
    return List.of();
  }

  /** The smallest interval of the holders and the baseline (when there is one). */
  private int wantedInterval() {
    int smallestHold =
        holders.values().stream().mapToInt(Hold::intervalSeconds).min().orElse(Integer.MAX_VALUE);
    return baselineSeconds > 0 ? Math.min(baselineSeconds, smallestHold) : smallestHold;
  }

  /** Every group any holder wants; empty (all groups) as soon as one holder wants all. */
  private Set<String> unionOfGroups() {
    Set<String> union = new TreeSet<>();
    for (Hold hold : holders.values()) {
      if (hold.groups().isEmpty()) {
        return Set.of();
      }
      union.addAll(hold.groups());
    }
    return union;
  }
}
