package io.nodelink.metrics.server.tasks;

import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.server.agents.AgentChannel;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sends commands to connected agents, each recorded as a task. */
@ApplicationScoped
public class TaskDispatcher {

  private static final Logger LOG = Logger.getLogger(TaskDispatcher.class.getName());

  private final AgentRegistry agents;
  private final TaskRegistry tasks;

  /** Serialise the check-then-create of system info requests per agent (striped, never freed). */
  private final Object[] refreshLocks = new Object[64];

  @Inject
  public TaskDispatcher(AgentRegistry agents, TaskRegistry tasks) {
    this.agents = agents;
    this.tasks = tasks;
    for (int i = 0; i < refreshLocks.length; i++) {
      refreshLocks[i] = new Object();
    }
  }

  /** For the CDI proxy only. */
  protected TaskDispatcher() {
    this(null, null);
  }

  /**
   * Creates a task and sends its command.
   *
   * @throws DomainException 404 for an unknown agent, 409 if it is offline
   */
  public TaskView send(
      String agentId,
      TaskType type,
      int intervalSeconds,
      String message,
      Function<String, TaskRequest> command) {
    return send(TaskRegistry.newId(), agentId, type, intervalSeconds, message, command);
  }

  /** As {@link #send(String, TaskType, int, String, Function)} with a given task id. */
  public TaskView send(
      String taskId,
      String agentId,
      TaskType type,
      int intervalSeconds,
      String message,
      Function<String, TaskRequest> command) {
    AgentChannel channel = agents.requireChannel(agentId);
    TaskView task = tasks.create(taskId, agentId, type, intervalSeconds, message);
    if (!channel.send(command.apply(taskId))) {
      tasks.fail(taskId, "the agent disconnected before the command was sent");
      throw DomainException.agentOffline();
    }
    return tasks.find(taskId).orElse(task);
  }

  /**
   * Asks the agent for fresh system information, unless a request is still in flight: then that
   * task is the answer (a refresh cannot be faster than the agent answers, and repeated clicks or
   * scripts must not pile up tasks).
   */
  public TaskView requestSystemInfo(String agentId) {
    return refreshSystemInfo(agentId).task();
  }

  /** As {@link #requestSystemInfo}, saying whether the task was already in flight. */
  public SystemInfoRefresh refreshSystemInfo(String agentId) {
    agents.requireChannel(agentId);
    synchronized (refreshLocks[Math.floorMod(agentId.hashCode(), refreshLocks.length)]) {
      Optional<TaskView> inFlight = tasks.findOpen(agentId, TaskType.SYSTEM_INFO);
      if (inFlight.isPresent()) {
        return new SystemInfoRefresh(inFlight.get(), true);
      }
      TaskView sent =
          send(
              agentId,
              TaskType.SYSTEM_INFO,
              0,
              "system information requested",
              AgentCommands::systemInfo);
      return new SystemInfoRefresh(sent, false);
    }
  }

  /**
   * Cancels a task: tells the agent if it is connected, and marks the task cancelled at once so the
   * answer to the user does not wait for the agent.
   */
  public void cancel(TaskView task, String reason) {
    Optional<AgentChannel> channel = agents.channel(task.agentId());
    channel.ifPresent(c -> c.send(AgentCommands.cancel(task.taskId(), reason)));
    tasks.cancel(task.taskId(), reason);
    LOG.log(
        Level.FINE,
        "Cancelled task {0} of agent {1} (agent told: {2})",
        new Object[] {task.taskId(), task.agentId(), channel.isPresent()});
  }
}
