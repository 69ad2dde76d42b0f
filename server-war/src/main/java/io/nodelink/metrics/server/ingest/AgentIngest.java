package io.nodelink.metrics.server.ingest;

import io.grpc.Status;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.MetricsResponse;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.grpc.AgentRejectedException;
import io.nodelink.metrics.server.grpc.AgentSession;
import io.nodelink.metrics.server.grpc.AgentStreamHandler;
import io.nodelink.metrics.server.store.MetricsStore;
import io.nodelink.metrics.server.streaming.StreamingControl;
import io.nodelink.metrics.server.tasks.TaskDispatcher;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import io.nodelink.metrics.server.tasks.TaskView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the server does with agent streams: registers the agent on connect (replacing an older
 * stream of the same id), asks for system info, resumes wanted streaming; stores what the agent
 * sends and advances its tasks; marks it offline when the stream ends.
 */
@ApplicationScoped
public class AgentIngest implements AgentStreamHandler {

  private static final Logger LOG = Logger.getLogger(AgentIngest.class.getName());

  private final AgentRegistry agents;
  private final MetricsStore store;
  private final TaskRegistry tasks;
  private final TaskDispatcher dispatcher;
  private final StreamingControl streaming;
  private final boolean systemInfoOnConnect;
  private final IngestListener listener;

  @Inject
  public AgentIngest(
      AgentRegistry agents,
      MetricsStore store,
      TaskRegistry tasks,
      TaskDispatcher dispatcher,
      StreamingControl streaming,
      ServerConfig config,
      CdiIngestListener listener) {
    this(
        agents,
        store,
        tasks,
        dispatcher,
        streaming,
        config.systemInfoOnConnect(),
        (IngestListener) listener);
  }

  public AgentIngest(
      AgentRegistry agents,
      MetricsStore store,
      TaskRegistry tasks,
      TaskDispatcher dispatcher,
      StreamingControl streaming,
      boolean systemInfoOnConnect,
      IngestListener listener) {
    this.agents = agents;
    this.store = store;
    this.tasks = tasks;
    this.dispatcher = dispatcher;
    this.streaming = streaming;
    this.systemInfoOnConnect = systemInfoOnConnect;
    this.listener = listener;
  }

  /** For the CDI proxy only. */
  protected AgentIngest() {
    this(null, null, null, null, null, false, IngestListener.NONE);
  }

  @Override
  public void connected(AgentSession session) {
    String agentId = session.agentId();
    Optional<AgentSession> replaced;
    try {
      replaced = agents.connect(session);
    } catch (DomainException e) {
      throw new AgentRejectedException(Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage()));
    }
    if (replaced.isPresent()) {
      replaced.get().close(Status.ABORTED.withDescription("replaced by a newer connection"));
      tasks.failOpen(agentId, "the agent reconnected before answering");
      streaming.agentDisconnected(agentId);
    }
    listener.agentStatusChanged(new AgentStatusChanged(agentId, true));
    if (systemInfoOnConnect) {
      requestSystemInfo(agentId);
    }
    streaming.agentConnected(agentId);
  }

  @Override
  public void received(AgentSession session, TaskResponse response) {
    if (!agents.isCurrent(session)) {
      LOG.log(Level.FINE, "Ignoring a message on replaced stream {0}", session);
      return;
    }
    String agentId = session.agentId();
    agents.touch(agentId);
    tasks
        .applyResponse(agentId, response)
        .filter(TaskView::isFinal)
        .ifPresent(task -> streaming.taskFinished(agentId, task));
    if (response.hasMetricsResponse()) {
      payload(agentId, response.getMetricsResponse());
    }
  }

  @Override
  public void disconnected(AgentSession session) {
    String agentId = session.agentId();
    if (!agents.disconnect(session)) {
      return;
    }
    int failed = tasks.failOpen(agentId, "the agent disconnected");
    LOG.log(
        Level.FINE, "Agent {0} offline; {1} open task(s) failed", new Object[] {agentId, failed});
    streaming.agentDisconnected(agentId);
    listener.agentStatusChanged(new AgentStatusChanged(agentId, false));
  }

  private void payload(String agentId, MetricsResponse payload) {
    switch (payload.getResponseTypeCase()) {
      case METRICS_DATA -> metrics(agentId, payload.getMetricsData());
      case SYSTEM_INFO -> {
        store.putSystemInfo(agentId, payload.getSystemInfo());
        agents.updated(agentId);
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
    MetricsDataResponse stored = store.putMetrics(agentId, data);
    agents.updated(agentId);
    listener.metricsReceived(new MetricsReceived(agentId, stored, receivedNanos));
  }

  private void requestSystemInfo(String agentId) {
    try {
      dispatcher.requestSystemInfo(agentId);
    } catch (DomainException e) {
      LOG.log(
          Level.FINE,
          "No system info request to agent {0}: {1}",
          new Object[] {agentId, e.getMessage()});
    }
  }
}
