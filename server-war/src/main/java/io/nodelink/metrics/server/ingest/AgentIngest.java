package io.nodelink.metrics.server.ingest;

import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.MetricsResponse;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.server.agents.AgentChannel;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.agents.HostIdentity;
import io.nodelink.metrics.server.store.MetricsStore;
import io.nodelink.metrics.server.store.StoredSnapshot;
import io.nodelink.metrics.server.streaming.StreamingControl;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import io.nodelink.metrics.server.tasks.TaskView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the server does with agent streams: the registry decides the agent's lifecycle (connect,
 * replace, disconnect) and publishes it; this stores what the agent sends and advances its tasks.
 */
@ApplicationScoped
public class AgentIngest implements AgentStreamHandler {

  private static final Logger LOG = Logger.getLogger(AgentIngest.class.getName());

  private final AgentRegistry agents;
  private final MetricsStore store;
  private final TaskRegistry tasks;
  private final StreamingControl streaming;
  private final IngestListener listener;
  private final IngestGuard guard;
  private final IngestQuota quota;

  @Inject
  public AgentIngest(
      AgentRegistry agents,
      MetricsStore store,
      TaskRegistry tasks,
      StreamingControl streaming,
      CdiIngestListener listener,
      IngestGuard guard,
      IngestQuota quota) {
    this(agents, store, tasks, streaming, (IngestListener) listener, guard, quota);
  }

  /** Without ingest quotas. */
  public AgentIngest(
      AgentRegistry agents,
      MetricsStore store,
      TaskRegistry tasks,
      StreamingControl streaming,
      IngestListener listener,
      IngestGuard guard) {
    this(agents, store, tasks, streaming, listener, guard, IngestQuota.unlimited());
  }

  public AgentIngest(
      AgentRegistry agents,
      MetricsStore store,
      TaskRegistry tasks,
      StreamingControl streaming,
      IngestListener listener,
      IngestGuard guard,
      IngestQuota quota) {
    this.agents = agents;
    this.store = store;
    this.tasks = tasks;
    this.streaming = streaming;
    this.listener = listener;
    this.guard = guard;
    this.quota = quota;
  }

  /** For the CDI proxy only. */
  protected AgentIngest() {
    this(null, null, null, null, IngestListener.NONE, null, null);
  }

  @Override
  public void connected(AgentChannel channel) {
    agents.connect(channel);
  }

  @Override
  public void received(AgentChannel channel, TaskResponse response) {
    if (!agents.isCurrent(channel)) {
      LOG.log(Level.FINE, "Ignoring a message on replaced stream {0}", channel);
      return;
    }
    String agentId = channel.agentId();
    agents.touch(agentId);
    if (!quota.admit(agentId, response.getSerializedSize())) {
      return; // over quota: neither stored nor broadcast, and no task advanced
    }
    // The payload first: a task seen completed has its answer served (a system info refresh
    // joined by a client that reads the system info as soon as the task is final).
    if (response.hasMetricsResponse()) {
      payload(channel, response.getMetricsResponse());
    }
    if (!isBuffered(response)) {
      // A buffered snapshot is late data of a stream that has usually ended since: it says
      // nothing about the state of any task now.
      tasks
          .applyResponse(agentId, response)
          .filter(TaskView::isFinal)
          .ifPresent(task -> streaming.taskFinished(agentId, task));
    }
  }

  @Override
  public void disconnected(AgentChannel channel) {
    agents.disconnect(channel);
  }

  private static boolean isBuffered(TaskResponse response) {
    return response.getMetricsResponse().getMetricsData().getBuffered();
  }

  private void payload(AgentChannel channel, MetricsResponse payload) {
    String agentId = channel.agentId();
    switch (payload.getResponseTypeCase()) {
      case METRICS_DATA -> metrics(agentId, payload.getMetricsData());
      case SYSTEM_INFO -> {
        SystemInfoResponse info = guard.systemInfo(agentId, payload.getSystemInfo());
        store.putSystemInfo(agentId, info);
        agents.updated(agentId);
        agents.identified(channel, new HostIdentity(info.getSoftware().getHostname(), ""));
      }
      default ->
          LOG.log(
              Level.FINE,
              "Ignoring {0} from agent {1}",
              new Object[] {payload.getResponseTypeCase(), agentId});
    }
  }

  private void metrics(String agentId, MetricsDataResponse data) {
    long receivedNanos = System.nanoTime();
    SanitizedSnapshot clean = guard.snapshot(agentId, data);
    if (clean.dropped()) {
      return;
    }
    StoredSnapshot stored = store.store(agentId, clean.stored(), clean.history());
    agents.updated(agentId);
    listener.metricsReceived(
        new MetricsReceived(agentId, stored.snapshot(), stored.series(), receivedNanos));
  }
}
