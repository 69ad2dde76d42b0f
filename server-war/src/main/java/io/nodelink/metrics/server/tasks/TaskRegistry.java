package io.nodelink.metrics.server.tasks;

import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.server.agents.AgentDisconnected;
import io.nodelink.metrics.server.agents.AgentForgotten;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.domain.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every control task sent to an agent and its status, driven by the agent's acknowledgements:
 * {@code IN_PROGRESS} → in_progress; {@code COMPLETED} → completed (cancelled if the agent says
 * so); {@code FAILURE} → failed. Final tasks are kept for {@code nodelink.tasks.retention}, then
 * the cleanup expires them.
 *
 * <p>Tasks survive a restart through the {@link TaskRepository}: saved when created and when their
 * status changes (not for each snapshot of a running stream). A task still open when the server
 * stopped can get no answer any more and comes back failed.
 */
@ApplicationScoped
public class TaskRegistry {

  /** The error of a task that was still open when the server stopped. */
  public static final String RESTART_ERROR = "the server restarted before the task finished";

  private static final Logger LOG = Logger.getLogger(TaskRegistry.class.getName());

  /** {@code Retry-After} when an agent has too many open tasks: agents answer within seconds. */
  static final int OPEN_TASKS_RETRY_SECONDS = 5;

  private final Map<String, ControlTask> tasks = new ConcurrentHashMap<>();

  /**
   * The same tasks by agent: connects, disconnects and task listings look at one agent's tasks, not
   * at every task of a fleet (a reconnect storm of N agents would be N² otherwise).
   */
  private final Map<String, Set<ControlTask>> byAgent = new ConcurrentHashMap<>();

  private final int maxTasks;
  private final int maxOpenPerAgent;
  private final int maxFinishedPerAgent;
  private final Clock clock;
  private final TaskRepository repository;

  @Inject
  public TaskRegistry(ServerConfig config, Clock clock, TaskRepository repository) {
    this(
        config.tasksMax(),
        config.tasksMaxPerAgent(),
        config.tasksMaxFinishedPerAgent(),
        clock,
        repository);
  }

  /** A registry that keeps no task across restarts. */
  public TaskRegistry(int maxTasks, Clock clock) {
    this(maxTasks, clock, TaskRepository.NONE);
  }

  public TaskRegistry(int maxTasks, Clock clock, TaskRepository repository) {
    this(maxTasks, maxTasks, clock, repository);
  }

  /**
   * {@code maxOpenPerAgent}: open tasks one agent may have ({@code nodelink.tasks.max-per-agent}).
   */
  public TaskRegistry(int maxTasks, int maxOpenPerAgent, Clock clock, TaskRepository repository) {
    this(maxTasks, maxOpenPerAgent, Integer.MAX_VALUE, clock, repository);
  }

  /**
   * {@code maxFinishedPerAgent}: finished tasks kept of one agent ({@code
   * nodelink.tasks.max-finished-per-agent}); beyond it the oldest go before their retention ends.
   */
  public TaskRegistry(
      int maxTasks,
      int maxOpenPerAgent,
      int maxFinishedPerAgent,
      Clock clock,
      TaskRepository repository) {
    this.maxTasks = maxTasks;
    this.maxOpenPerAgent = maxOpenPerAgent;
    this.maxFinishedPerAgent = maxFinishedPerAgent;
    this.clock = clock;
    this.repository = repository;
  }

  /** For the CDI proxy only. */
  protected TaskRegistry() {
    this(0, Clock.systemUTC());
  }

  /**
   * Takes back the stored tasks (runs once, before the registry is used); those still open fail,
   * since the stream that could have answered them ended with the server.
   */
  @PostConstruct
  public void restore() {
    List<TaskView> stored;
    try {
      stored = repository.loadAll();
    } catch (IllegalStateException e) {
      LOG.log(Level.WARNING, "Tasks not restored: {0}", e.getMessage());
      return;
    }
    int failed = hold(stored, RESTART_ERROR);
    if (!stored.isEmpty()) {
      LOG.log(
          Level.INFO,
          "Restored {0} task(s); {1} still open at the last stop failed",
          new Object[] {stored.size(), failed});
    }
  }

  /**
   * In a cluster, takes over the tasks of a server that is gone, so that they are answered for and
   * expire as this server's own; those still open fail (their agent's stream ended with it).
   *
   * @return how many tasks this server took over
   */
  public int takeOver(String goneServer) {
    List<TaskView> taken;
    try {
      taken = repository.takeOver(goneServer);
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "Tasks of server {0} not taken over: {1}",
          new Object[] {goneServer, e.getMessage()});
      return 0;
    }
    int failed = hold(taken, "server " + goneServer + " stopped before the task finished");
    if (!taken.isEmpty()) {
      LOG.log(
          Level.INFO,
          "Took over {0} task(s) of server {1}, which is gone; {2} still open failed",
          new Object[] {taken.size(), goneServer, failed});
    }
    return taken.size();
  }

  /**
   * The other servers of a cluster that hold stored tasks.
   *
   * @throws SQLException if the store cannot be read
   */
  public List<String> otherHolders() throws SQLException {
    return repository.otherHolders();
  }

  /**
   * Which server holds a task this one does not have, if the store knows the task.
   *
   * @throws SQLException if the store cannot be read
   */
  public Optional<String> holderOf(String taskId) throws SQLException {
    return repository.holderOf(taskId);
  }

  /** Holds stored tasks here; fails those still open with {@code error}, counting them. */
  private int hold(List<TaskView> stored, String error) {
    Instant now = clock.instant();
    int failed = 0;
    for (TaskView view : stored) {
      if (tasks.containsKey(view.taskId())) {
        continue;
      }
      ControlTask task = ControlTask.restored(view);
      if (transition(task, TaskStatus.FAILED, "failed", error, now)) {
        failed++;
      }
      tasks.put(task.id(), task);
      byAgent.computeIfAbsent(task.agentId(), a -> ConcurrentHashMap.newKeySet()).add(task);
    }
    return failed;
  }

  /**
   * Records a new pending task with a fresh id.
   *
   * @throws DomainException when {@code nodelink.tasks.max} tasks are held
   */
  public TaskView create(String agentId, TaskType type, int intervalSeconds, String message) {
    return create(newId(), agentId, type, intervalSeconds, message);
  }

  /** Records a new pending task under an id chosen by the caller. */
  public TaskView create(
      String id, String agentId, TaskType type, int intervalSeconds, String message) {
    // An agent that reconnects again and again gets a system-info task each time: without this its
    // finished tasks would pile up for the whole retention and fill the table for everyone.
    dropOldestFinishedBeyondLimit(agentId);
    if (tasks.size() >= maxTasks) {
      throw DomainException.limitReached("task limit of " + maxTasks + " reached; retry later");
    }
    if (openCount(agentId) >= maxOpenPerAgent) {
      // One agent that never answers (or a client that keeps asking) must not fill the table.
      throw DomainException.limitReached(
          "agent has "
              + maxOpenPerAgent
              + " open tasks, the limit (nodelink.tasks.max-per-agent); retry once some finish",
          OPEN_TASKS_RETRY_SECONDS);
    }
    ControlTask task =
        new ControlTask(id, agentId, type, intervalSeconds, message, clock.instant());
    ControlTask replaced = tasks.put(id, task);
    if (replaced != null) {
      unindex(replaced);
    }
    // Added inside compute: unindex may drop an agent's emptied set at the same time.
    byAgent.compute(
        agentId,
        (agent, agentTasks) -> {
          Set<ControlTask> set = agentTasks != null ? agentTasks : ConcurrentHashMap.newKeySet();
          set.add(task);
          return set;
        });
    repository.save(task.view());
    LOG.log(Level.FINE, "Created task {0} ({1}) for agent {2}", new Object[] {id, type, agentId});
    return task.view();
  }

  /** The agent's newest open task of {@code type}, if any. */
  public Optional<TaskView> findOpen(String agentId, TaskType type) {
    return tasksOf(agentId).stream()
        .map(ControlTask::view)
        .filter(t -> t.type() == type && !t.isFinal())
        .max(Comparator.comparing(TaskView::createdAt));
  }

  /** How many of the agent's tasks are not final. */
  public int openCount(String agentId) {
    return (int) tasksOf(agentId).stream().filter(t -> !t.status().isFinal()).count();
  }

  /** A fresh task id. */
  public static String newId() {
    return UUID.randomUUID().toString();
  }

  public Optional<TaskView> find(String taskId) {
    ControlTask task = tasks.get(taskId);
    return task == null ? Optional.empty() : Optional.of(task.view());
  }

  /** The agent's tasks, newest first. */
  public List<TaskView> forAgent(String agentId) {
    return tasksOf(agentId).stream()
        .map(ControlTask::view)
        .sorted(Comparator.comparing(TaskView::createdAt).reversed())
        .toList();
  }

  /**
   * Applies an agent's response to the task it names. Responses for unknown tasks, for another
   * agent's task or for a task already final change nothing.
   *
   * @return the task after the update, if the response named one of this agent's tasks
   */
  public Optional<TaskView> applyResponse(String agentId, TaskResponse response) {
    ControlTask task = tasks.get(response.getTaskId());
    if (task == null || !task.agentId().equals(agentId)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    switch (response.getStatus()) {
      case IN_PROGRESS -> transition(task, TaskStatus.IN_PROGRESS, null, null, now);
      case COMPLETED -> {
        boolean cancelled = response.getCancelled();
        String note = response.hasTaskCancel() ? response.getTaskCancel().getMessage() : null;
        transition(
            task,
            cancelled ? TaskStatus.CANCELLED : TaskStatus.COMPLETED,
            note == null || note.isEmpty() ? (cancelled ? "cancelled by the agent" : "done") : note,
            null,
            now);
      }
      case FAILURE -> {
        String reason =
            response.hasTaskCancel() && !response.getTaskCancel().getMessage().isEmpty()
                ? response.getTaskCancel().getMessage()
                : "the agent reported a failure";
        transition(task, TaskStatus.FAILED, "failed", reason, now);
      }
      default -> {
        // UNKNOWN or a future status: keep the task as it is.
      }
    }
    return Optional.of(task.view());
  }

  /** Marks a task completed by the server itself (no agent round trip). */
  public void complete(String taskId, String message) {
    transition(taskId, TaskStatus.COMPLETED, message, null);
  }

  /** Marks a task failed by the server (e.g. the send failed). */
  public void fail(String taskId, String error) {
    transition(taskId, TaskStatus.FAILED, "failed", error);
  }

  /** Marks a task cancelled at the user's request. */
  public boolean cancel(String taskId, String message) {
    return transition(taskId, TaskStatus.CANCELLED, message, null);
  }

  /** Fails every unfinished task of an agent whose stream ended: no answer can come any more. */
  public int failOpen(String agentId, String reason) {
    Instant now = clock.instant();
    int failed = 0;
    for (ControlTask task : tasksOf(agentId)) {
      if (transition(task, TaskStatus.FAILED, "failed", reason, now)) {
        failed++;
      }
    }
    return failed;
  }

  /**
   * Forgets final tasks last changed before {@code cutoff}.
   *
   * @return how many were forgotten
   */
  public int expireFinishedBefore(Instant cutoff) {
    int removed = 0;
    for (Iterator<ControlTask> it = tasks.values().iterator(); it.hasNext(); ) {
      ControlTask task = it.next();
      if (task.finishedBefore(cutoff)) {
        it.remove();
        unindex(task);
        repository.delete(task.id());
        removed++;
      }
    }
    return removed;
  }

  /** A stream of the agent ended: its open tasks can get no answer any more. */
  public void onAgentDisconnected(@Observes AgentDisconnected event) {
    String reason =
        event.replaced() ? "the agent reconnected before answering" : "the agent disconnected";
    int failed = failOpen(event.agentId(), reason);
    LOG.log(
        Level.FINE,
        "Agent {0}: {1} open task(s) failed ({2})",
        new Object[] {event.agentId(), failed, reason});
  }

  public void onAgentForgotten(@Observes AgentForgotten event) {
    removeAgent(event.agentId());
  }

  /** Forgets every task of an agent. */
  public void removeAgent(String agentId) {
    repository.deleteAgent(agentId);
    Set<ControlTask> removed = byAgent.remove(agentId);
    if (removed != null) {
      removed.forEach(t -> tasks.remove(t.id(), t));
    }
  }

  public int size() {
    return tasks.size();
  }

  private void dropOldestFinishedBeyondLimit(String agentId) {
    List<ControlTask> finished =
        tasksOf(agentId).stream().filter(t -> t.status().isFinal()).toList();
    if (finished.size() <= maxFinishedPerAgent) {
      return;
    }
    finished.stream()
        .sorted(Comparator.comparing((ControlTask t) -> t.view().updatedAt()))
        .limit(finished.size() - maxFinishedPerAgent)
        .forEach(this::remove);
  }

  private void remove(ControlTask task) {
    if (tasks.remove(task.id(), task)) {
      unindex(task);
      repository.delete(task.id());
    }
  }

  private Set<ControlTask> tasksOf(String agentId) {
    return byAgent.getOrDefault(agentId, Set.of());
  }

  private void unindex(ControlTask task) {
    byAgent.computeIfPresent(
        task.agentId(),
        (agent, agentTasks) -> {
          agentTasks.remove(task);
          return agentTasks.isEmpty() ? null : agentTasks;
        });
  }

  private boolean transition(String taskId, TaskStatus status, String message, String error) {
    ControlTask task = tasks.get(taskId);
    return task != null && transition(task, status, message, error, clock.instant());
  }

  /** Moves the task on, saving it when its status changed (a running stream's data does not). */
  private boolean transition(
      ControlTask task, TaskStatus status, String message, String error, Instant now) {
    TaskStatus before = task.status();
    boolean changed = task.transition(status, message, error, now);
    if (changed && before != status) {
      repository.save(task.view());
    }
    return changed;
  }
}
