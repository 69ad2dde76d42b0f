package io.nodelink.metrics.server.streaming;

import io.nodelink.metrics.server.agents.AgentConnected;
import io.nodelink.metrics.server.agents.AgentDisconnected;
import io.nodelink.metrics.server.agents.AgentForgotten;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.streaming.StreamingDemand.Command;
import io.nodelink.metrics.server.streaming.StreamingDemand.Start;
import io.nodelink.metrics.server.streaming.StreamingDemand.Stop;
import io.nodelink.metrics.server.streaming.StreamingDemand.UpdateInterval;
import io.nodelink.metrics.server.tasks.AgentCommands;
import io.nodelink.metrics.server.tasks.TaskDispatcher;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import io.nodelink.metrics.server.tasks.TaskStatus;
import io.nodelink.metrics.server.tasks.TaskType;
import io.nodelink.metrics.server.tasks.TaskView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies {@link StreamingDemand} to real agents: one demand per agent, its commands sent as tasks.
 * Holders are SSE clients (while connected) and the manual {@code metrics/start} (until {@code
 * metrics/stop} or the cancel of its stream task). With a collection baseline ({@code
 * nodelink.collection.interval}) every connected agent streams at least that often, held or not.
 *
 * <p>Manual holds survive a restart through the {@link HoldRepository}: restored at start (the
 * agents are offline then) and sent again when their agents reconnect.
 */
@ApplicationScoped
public class StreamingControl {

  private static final Logger LOG = Logger.getLogger(StreamingControl.class.getName());

  private final Map<String, StreamingDemand> demands = new ConcurrentHashMap<>();
  private final AgentRegistry agents;
  private final TaskRegistry tasks;
  private final TaskDispatcher dispatcher;
  private final int baselineSeconds;
  private final HoldRepository holds;
  private final int minIntervalSeconds;
  private final StreamingFailures failures;

  @Inject
  public StreamingControl(
      AgentRegistry agents,
      TaskRegistry tasks,
      TaskDispatcher dispatcher,
      ServerConfig config,
      HoldRepository holds,
      Clock clock) {
    this(
        agents,
        tasks,
        dispatcher,
        config.collectionIntervalSeconds(),
        holds,
        config.streamingMinIntervalSeconds(),
        clock);
  }

  /**
   * {@code baselineSeconds}: the collection interval, 0 for streaming on demand only; manual holds
   * are not kept across restarts.
   */
  public StreamingControl(
      AgentRegistry agents, TaskRegistry tasks, TaskDispatcher dispatcher, int baselineSeconds) {
    this(agents, tasks, dispatcher, baselineSeconds, HoldRepository.NONE);
  }

  public StreamingControl(
      AgentRegistry agents,
      TaskRegistry tasks,
      TaskDispatcher dispatcher,
      int baselineSeconds,
      HoldRepository holds) {
    this(agents, tasks, dispatcher, baselineSeconds, holds, 1, Clock.systemUTC());
  }

  /**
   * {@code minIntervalSeconds}: the floor every requested interval is raised to ({@code
   * nodelink.streaming.min-interval}).
   */
  public StreamingControl(
      AgentRegistry agents,
      TaskRegistry tasks,
      TaskDispatcher dispatcher,
      int baselineSeconds,
      HoldRepository holds,
      int minIntervalSeconds,
      Clock clock) {
    this.agents = agents;
    this.tasks = tasks;
    this.dispatcher = dispatcher;
    this.baselineSeconds = baselineSeconds;
    this.holds = holds;
    this.minIntervalSeconds = minIntervalSeconds;
    this.failures = new StreamingFailures(clock);
  }

  /** For the CDI proxy only. */
  protected StreamingControl() {
    this(null, null, null, 0, HoldRepository.NONE);
  }

  /**
   * Takes back the stored manual holds of known agents (runs once, before streaming is used); the
   * START goes out when the agent connects. The holds of agents this server does not know stay
   * stored: in a cluster such an agent may be connected to another server, which holds it, and its
   * hold follows it here when it connects ({@link #adoptStoredHold}). A forgotten agent's hold is
   * deleted when it is forgotten.
   */
  @PostConstruct
  public void restore() {
    List<ManualHold> stored;
    try {
      stored = holds.loadAll();
    } catch (IllegalStateException e) {
      LOG.log(Level.WARNING, "Manual streaming holds not restored: {0}", e.getMessage());
      return;
    }
    int restored = 0;
    for (ManualHold hold : stored) {
      if (!agents.isKnown(hold.agentId())) {
        continue;
      }
      restored++;
      StreamingDemand demand = demand(hold.agentId());
      synchronized (demand) {
        apply(
            hold.agentId(),
            demand.hold(StreamingDemand.MANUAL, hold.intervalSeconds(), hold.groups()));
      }
    }
    if (restored > 0) {
      LOG.log(Level.INFO, "Restored {0} manual streaming hold(s)", restored);
    }
  }

  /**
   * Takes the agent's manual hold as the shared database has it now (present or gone), before its
   * connect resumes streaming: in a cluster another server may have started or stopped it while the
   * agent was connected there.
   */
  public void adoptStoredHold(String agentId) {
    Optional<ManualHold> stored;
    try {
      stored = holds.find(agentId);
    } catch (IllegalStateException e) {
      LOG.log(
          Level.WARNING,
          "Manual streaming hold of {0} not read: {1}",
          new Object[] {agentId, e.getMessage()});
      return;
    }
    StreamingDemand demand = demand(agentId);
    synchronized (demand) {
      List<Command> commands =
          stored.isPresent()
              ? demand.hold(
                  StreamingDemand.MANUAL, stored.get().intervalSeconds(), stored.get().groups())
              : demand.release(StreamingDemand.MANUAL);
      apply(agentId, commands);
    }
  }

  /**
   * Holds streaming on for the manual start (replacing an earlier manual interval/groups).
   *
   * @throws DomainException 404 unknown agent, 409 agent offline
   */
  public ManualStart startManual(String agentId, int requestedSeconds, List<String> groups) {
    agents.requireChannel(agentId);
    int intervalSeconds = atLeastMinimum(requestedSeconds);
    StreamingDemand demand = demand(agentId);
    synchronized (demand) {
      apply(agentId, demand.hold(StreamingDemand.MANUAL, intervalSeconds, groups));
      holds.save(new ManualHold(agentId, intervalSeconds, groups));
      String taskId = demand.streamTaskId().orElseThrow(DomainException::agentOffline);
      int effective = demand.streamInterval();
      boolean byBaseline = effective < intervalSeconds && effective == demand.baselineSeconds();
      return new ManualStart(taskId, intervalSeconds, effective, byBaseline);
    }
  }

  /**
   * Ends the manual hold. Streaming stops unless SSE clients still hold it or there is a collection
   * baseline (then the agent returns to the baseline); the returned task is the STOP sent, the
   * interval update sent, or a local task saying streaming continues.
   *
   * @throws DomainException 404 unknown agent, 409 agent offline
   */
  public TaskView stopManual(String agentId) {
    agents.requireChannel(agentId);
    StreamingDemand demand = demand(agentId);
    synchronized (demand) {
      List<Command> commands = demand.release(StreamingDemand.MANUAL);
      holds.delete(agentId);
      List<TaskView> sent = apply(agentId, commands);
      if (!sent.isEmpty()) {
        return sent.get(sent.size() - 1);
      }
      if (demand.wanted()) {
        return holdReleased(
            agentId, "streaming continues for " + demand.holderCount() + " SSE client(s)");
      }
      if (demand.baselineSeconds() > 0) {
        return holdReleased(
            agentId, "collection continues every " + demand.baselineSeconds() + " s");
      }
      // Nothing known to be streaming: send STOP anyway, so a stop always stops.
      return dispatcher.send(
          agentId, TaskType.METRICS_STOP, 0, "stop streaming", AgentCommands::stop);
    }
  }

  /** A completed local task: the manual hold ended but the agent keeps streaming. */
  private TaskView holdReleased(String agentId, String why) {
    TaskView local = tasks.create(agentId, TaskType.LOCAL, 0, "manual streaming hold released");
    tasks.complete(local.taskId(), why);
    return tasks.find(local.taskId()).orElse(local);
  }

  /** An SSE client holds streaming at {@code intervalSeconds} while it is connected. */
  public void holdForClient(String agentId, String clientId, int intervalSeconds) {
    StreamingDemand demand = demand(agentId);
    synchronized (demand) {
      apply(agentId, demand.hold(clientId, atLeastMinimum(intervalSeconds), List.of()));
    }
  }

  /** {@code requestedSeconds} raised to {@code nodelink.streaming.min-interval}. */
  public int atLeastMinimum(int requestedSeconds) {
    return Math.max(requestedSeconds, minIntervalSeconds);
  }

  /** The SSE client is gone; idempotent. */
  public void releaseClient(String agentId, String clientId) {
    StreamingDemand demand = demands.get(agentId);
    if (demand == null) {
      return;
    }
    synchronized (demand) {
      apply(agentId, demand.release(clientId));
      if (!demand.wanted() && !agents.isKnown(agentId)) {
        // A client that connected while the cleanup forgot the agent: drop what it recreated.
        demands.remove(agentId, demand);
      }
    }
  }

  /** The agent's stream was accepted: start the baseline, resume what holders still want. */
  public void onAgentConnected(@Observes AgentConnected event) {
    agentConnected(event.agentId());
  }

  /** Nothing streams on a stream that ended; a replacing stream resumes it on its connect. */
  public void onAgentDisconnected(@Observes AgentDisconnected event) {
    agentDisconnected(event.agentId());
  }

  public void onAgentForgotten(@Observes AgentForgotten event) {
    forget(event.agentId());
  }

  private void agentConnected(String agentId) {
    StreamingDemand demand = demand(agentId);
    synchronized (demand) {
      List<Command> commands = demand.agentConnected();
      if (!commands.isEmpty() && demand.wanted()) {
        LOG.log(Level.INFO, "Agent {0} is back while streaming is wanted; restarting", agentId);
      }
      apply(agentId, commands);
    }
  }

  private void agentDisconnected(String agentId) {
    StreamingDemand demand = demands.get(agentId);
    if (demand != null) {
      demand.agentDisconnected();
    }
  }

  /** A task of the agent reached a final status; a stream task that ended is no longer running. */
  public void taskFinished(String agentId, TaskView task) {
    StreamingDemand demand = demands.get(agentId);
    if (demand != null && task.type() == TaskType.METRICS_START && task.isFinal()) {
      demand.streamEnded(task.taskId());
    }
    if (isStreamingCommand(task.type()) && task.status() == TaskStatus.FAILED) {
      failures.failed(
          agentId,
          "the agent refused " + task.type().json(),
          task.error() == null || task.error().isEmpty() ? "failed" : task.error());
    }
  }

  /**
   * Cancels a stream task at the user's request: the agent stops it and the manual hold ends. If
   * SSE clients still hold streaming, a new stream starts for them.
   */
  public void cancelStream(TaskView task, String reason) {
    StreamingDemand demand = demand(task.agentId());
    synchronized (demand) {
      dispatcher.cancel(task, reason);
      apply(task.agentId(), demand.streamCancelled(task.taskId()));
      if (!demand.isHeld(StreamingDemand.MANUAL)) {
        holds.delete(task.agentId());
      }
    }
  }

  /** How many agents it keeps streaming state for: the known ones, never more. */
  public int trackedAgents() {
    return demands.size();
  }

  public StreamingStatus status(String agentId) {
    StreamingDemand demand = demands.get(agentId);
    if (demand == null) {
      return StreamingStatus.IDLE;
    }
    synchronized (demand) {
      boolean connected = agents.channel(agentId).isPresent();
      String taskId = demand.streamTaskId().orElse("");
      boolean streams = connected && !taskId.isEmpty();
      // streaming_active keeps its contract meaning: a stream some holder asked for.
      boolean active = streams && demand.wanted();
      return new StreamingStatus(
          active,
          demand.wanted(),
          active ? demand.streamInterval() : 0,
          active ? taskId : "",
          demand.holderCount(),
          streams ? demand.streamInterval() : 0,
          failures.lastError(agentId));
    }
  }

  private void forget(String agentId) {
    demands.remove(agentId);
    failures.forget(agentId);
    holds.delete(agentId);
  }

  private StreamingDemand demand(String agentId) {
    return demands.computeIfAbsent(
        agentId, id -> new StreamingDemand(TaskRegistry::newId, baselineSeconds));
  }

  /** Sends each command as a task; a command that could not be sent leaves a failed task. */
  private List<TaskView> apply(String agentId, List<Command> commands) {
    return commands.stream().map(c -> applyOne(agentId, c)).filter(Objects::nonNull).toList();
  }

  private TaskView applyOne(String agentId, Command command) {
    LOG.log(Level.FINE, "Streaming on agent {0}: {1}", new Object[] {agentId, command});
    try {
      TaskView sent = send(agentId, command);
      failures.succeeded(agentId);
      return sent;
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.CONFLICT) {
        // The agent went away between the decision and the send; its disconnect resets the demand.
        LOG.log(
            Level.FINE,
            "Could not send {0} to agent {1}: {2}",
            new Object[] {command, agentId, e.getMessage()});
      } else {
        failures.failed(agentId, command.getClass().getSimpleName(), e.getMessage());
      }
      return tasks.find(command.taskId()).orElse(null);
    }
  }

  private static boolean isStreamingCommand(TaskType type) {
    return type == TaskType.METRICS_START || type == TaskType.METRICS_UPDATE;
  }

  private TaskView send(String agentId, Command command) {
    if (command instanceof Start s) {
      completeOpenStreams(agentId, s.taskId());
      return dispatcher.send(
          s.taskId(),
          agentId,
          TaskType.METRICS_START,
          s.intervalSeconds(),
          "streaming every " + s.intervalSeconds() + " s",
          id -> AgentCommands.start(id, s.intervalSeconds(), s.groups()));
    }
    if (command instanceof UpdateInterval u) {
      return dispatcher.send(
          u.taskId(),
          agentId,
          TaskType.METRICS_UPDATE,
          u.intervalSeconds(),
          "stream interval " + u.intervalSeconds() + " s",
          id -> AgentCommands.updateInterval(id, u.intervalSeconds(), u.groups()));
    }
    Stop s = (Stop) command;
    TaskView stop =
        dispatcher.send(
            s.taskId(), agentId, TaskType.METRICS_STOP, 0, "stop streaming", AgentCommands::stop);
    tasks.complete(s.streamTaskId(), "streaming stopped");
    return stop;
  }

  /** A new START replaces any stream still running on the agent. */
  private void completeOpenStreams(String agentId, String newTaskId) {
    for (TaskView t : tasks.forAgent(agentId)) {
      if (t.type() == TaskType.METRICS_START && !t.isFinal() && !t.taskId().equals(newTaskId)) {
        tasks.complete(t.taskId(), "replaced by stream " + newTaskId);
      }
    }
  }
}
