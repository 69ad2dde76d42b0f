package io.nodelink.metrics.server.sse;

import io.nodelink.metrics.server.agents.AgentConnected;
import io.nodelink.metrics.server.agents.AgentDisconnected;
import io.nodelink.metrics.server.agents.AgentForgotten;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.alerts.Alert;
import io.nodelink.metrics.server.alerts.AlertBook;
import io.nodelink.metrics.server.alerts.AlertChanged;
import io.nodelink.metrics.server.alerts.Silences;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.ingest.MetricsReceived;
import io.nodelink.metrics.server.store.MetricsStore;
import io.nodelink.metrics.server.streaming.StreamingControl;
import io.nodelink.metrics.server.view.AlertViews;
import io.nodelink.metrics.server.view.DtoMapper;
import io.nodelink.metrics.server.view.Json;
import io.nodelink.metrics.server.view.StatusEventDto;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.AsyncContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The SSE side of the server: one {@link AgentBroadcaster} per agent, fed by the ingestion events.
 * Ingestion only queues (JSON is built once per snapshot, then each client's bounded queue is
 * drained on the managed executor). Keepalive comments every {@code
 * nodelink.sse.keepalive-interval} make a vanished client fail its next write within seconds, which
 * releases its streaming hold.
 */
@ApplicationScoped
public class SseHub {

  private static final Logger LOG = Logger.getLogger(SseHub.class.getName());

  private final Map<String, AgentBroadcaster> broadcasters = new ConcurrentHashMap<>();

  /** Looks the executor up when it runs: it is injected after construction. */
  private final DrainScheduler drains = new DrainScheduler(task -> this.executor.execute(task));

  /** The clients of {@code /alerts/stream}: no agent, no streaming hold. */
  private final AgentBroadcaster alertClients = new AgentBroadcaster(drains);

  private final AtomicLong clientIds = new AtomicLong();
  private final Object registration = new Object();
  private final Jsonb jsonb = Json.create();

  @Inject ServerConfig config;

  @Inject AgentRegistry agents;

  @Inject MetricsStore store;

  @Inject StreamingControl streaming;

  @Inject AlertBook alerts;

  @Inject Silences silences;

  /** The SSE gauges and timer are registered here, where the clients and their writes are. */
  @Inject MetricRegistry metricRegistry;

  /** Its own executor: SSE writes can never take the threads that ingestion runs on. */
  @Resource(lookup = "concurrent/nodelinkSseExecutor")
  ManagedExecutorService executor;

  @Resource ManagedScheduledExecutorService scheduler;

  private Timer latency;
  private ScheduledFuture<?> keepalive;

  /**
   * Connects a client: the current snapshot first (and a {@code status} event if the agent is
   * offline), then it is registered and holds streaming at {@code intervalSeconds}. The caller sets
   * the response's status and headers, then {@link SseStream#start starts} the stream: a refused
   * client can still be answered with an error.
   *
   * @throws DomainException 503 when the agent has {@code nodelink.sse.max-clients-per-agent}, or
   *     all agents together {@code nodelink.sse.max-clients}
   */
  public SseStream connect(String agentId, int intervalSeconds, AsyncContext async) {
    startKeepalive();
    String clientId = "sse-" + clientIds.incrementAndGet();
    SseStream client =
        new SseStream(
            clientId,
            agentId,
            async,
            config.sseQueueSize(),
            nanos -> latency.update(Duration.ofNanos(nanos)),
            this::closed);
    AgentBroadcaster broadcaster = register(agentId, client);
    LOG.log(
        Level.FINE,
        "SSE client {0} connected to agent {1} at {2} s ({3} clients)",
        new Object[] {clientId, agentId, intervalSeconds, broadcaster.size()});
    streaming.holdForClient(agentId, clientId, intervalSeconds);
    if (!agents.isKnown(agentId)) {
      // The cleanup forgot the agent while this client connected, after its observer had run:
      // end the client, which releases its hold and drops the broadcaster it recreated.
      client.close();
    }
    if (client.isClosed()) {
      // It failed while we registered it; make sure its hold does not linger.
      streaming.releaseClient(agentId, clientId);
    }
    return client;
  }

  /**
   * Registers a client within both limits. Only registration adds clients, so checking the total
   * and registering under one lock keeps the total exact; closing clients needs no lock.
   */
  private AgentBroadcaster register(String agentId, SseStream client) {
    List<SseFrame> first = firstEvents(agentId);
    synchronized (registration) {
      if (clientCount() >= config.sseMaxClients()) {
        throw DomainException.limitReached(
            "too many SSE clients (limit "
                + config.sseMaxClients()
                + " over all agents, nodelink.sse.max-clients); try again later");
      }
      AgentBroadcaster broadcaster =
          broadcasters.computeIfAbsent(agentId, id -> new AgentBroadcaster(drains));
      if (!broadcaster.register(client, config.sseMaxClientsPerAgent(), first)) {
        throw DomainException.limitReached(
            "too many SSE clients for this agent (limit "
                + config.sseMaxClientsPerAgent()
                + "); try again later");
      }
      return broadcaster;
    }
  }

  /**
   * Connects a client of the alert stream: one {@code alert} event per active alert first, then
   * every transition. The caller starts the stream, as for {@link #connect}.
   *
   * @throws DomainException 503 when {@code nodelink.sse.max-clients} are connected
   */
  public SseStream connectAlerts(AsyncContext async) {
    startKeepalive();
    String clientId = "sse-" + clientIds.incrementAndGet();
    SseStream client =
        new SseStream(clientId, "", async, config.sseQueueSize(), nanos -> {}, this::alertClosed);
    List<SseFrame> first = new ArrayList<>();
    for (Alert alert : alerts.active()) {
      first.add(alertEvent(alert));
    }
    synchronized (registration) {
      if (clientCount() >= config.sseMaxClients()
          || !alertClients.register(client, config.sseMaxClients(), first)) {
        throw DomainException.limitReached(
            "too many SSE clients (nodelink.sse.max-clients); try again later");
      }
    }
    LOG.log(Level.FINE, "SSE client {0} connected to the alert stream", clientId);
    return client;
  }

  void onAlert(@Observes AlertChanged event) {
    if (alertClients.isEmpty()) {
      return;
    }
    alertClients.broadcast(alertEvent(event.alert()), 0);
  }

  private SseFrame alertEvent(Alert alert) {
    return SseFrame.event(
        "alert", jsonb.toJson(AlertViews.alert(alert, silences.isSilenced(alert))));
  }

  private void alertClosed(SseStream client) {
    alertClients.remove(client);
    LOG.log(Level.FINE, "SSE client {0} of the alert stream left", client.id());
  }

  void onMetrics(@Observes MetricsReceived event) {
    if (event.buffered()) {
      return; // measured while the agent was away: history, not a live event
    }
    AgentBroadcaster broadcaster = broadcasters.get(event.agentId());
    if (broadcaster == null || broadcaster.isEmpty()) {
      return;
    }
    broadcaster.broadcast(metricsEvent(event.agentId(), event), event.receivedNanos());
  }

  void onConnected(@Observes AgentConnected event) {
    broadcastStatus(event.agentId(), true);
  }

  void onDisconnected(@Observes AgentDisconnected event) {
    if (!event.replaced()) {
      broadcastStatus(event.agentId(), false);
    }
  }

  /** Closes every client of a forgotten agent. */
  void onForgotten(@Observes AgentForgotten event) {
    AgentBroadcaster broadcaster = broadcasters.remove(event.agentId());
    if (broadcaster != null) {
      broadcaster.closeAll();
    }
  }

  private void broadcastStatus(String agentId, boolean connected) {
    AgentBroadcaster broadcaster = broadcasters.get(agentId);
    if (broadcaster == null || broadcaster.isEmpty()) {
      return;
    }
    broadcaster.broadcast(statusEvent(agentId, connected), 0);
  }

  /** How many SSE clients are connected over all agents. */
  public int clientCount() {
    return broadcasters.values().stream().mapToInt(AgentBroadcaster::size).sum()
        + alertClients.size();
  }

  /** Creates the bean when the application starts, so its metrics are listed from the start. */
  void init(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // Observing is enough: the container instantiates the bean to deliver the event.
  }

  @PostConstruct
  void registerMetrics() {
    metricRegistry.gauge(
        Metadata.builder()
            .withName("nodelink.sse.clients")
            .withDescription("Connected SSE clients over all agents")
            .build(),
        this,
        SseHub::clientCount);
    latency =
        metricRegistry.timer(
            Metadata.builder()
                .withName("nodelink.sse.latency")
                .withDescription("From a snapshot's arrival to its write to an SSE client")
                .build());
  }

  @PreDestroy
  void shutdown() {
    synchronized (this) {
      if (keepalive != null) {
        keepalive.cancel(false);
      }
    }
    broadcasters.values().forEach(AgentBroadcaster::closeAll);
    broadcasters.clear();
    alertClients.closeAll();
  }

  private List<SseFrame> firstEvents(String agentId) {
    List<SseFrame> first = new ArrayList<>();
    store
        .latestMetrics(agentId)
        .ifPresent(
            m ->
                first.add(SseFrame.event("metrics", jsonb.toJson(DtoMapper.snapshot(agentId, m)))));
    boolean online = agents.find(agentId).map(s -> s.connected()).orElse(false);
    if (!online) {
      first.add(statusEvent(agentId, false));
    }
    return first;
  }

  private SseFrame metricsEvent(String agentId, MetricsReceived event) {
    return SseFrame.event("metrics", jsonb.toJson(DtoMapper.snapshot(agentId, event.snapshot())));
  }

  private SseFrame statusEvent(String agentId, boolean connected) {
    return SseFrame.event("status", jsonb.toJson(new StatusEventDto(agentId, connected)));
  }

  private void closed(SseStream client) {
    AgentBroadcaster broadcaster = broadcasters.get(client.agentId());
    if (broadcaster != null) {
      broadcaster.remove(client);
      if (broadcaster.isEmpty() && !agents.isKnown(client.agentId())) {
        broadcasters.remove(client.agentId(), broadcaster);
      }
    }
    streaming.releaseClient(client.agentId(), client.id());
    LOG.log(
        Level.FINE,
        "SSE client {0} of agent {1} left",
        new Object[] {client.id(), client.agentId()});
  }

  private synchronized void startKeepalive() {
    if (keepalive != null) {
      return;
    }
    long millis = config.sseKeepAliveInterval().toMillis();
    keepalive =
        scheduler.scheduleAtFixedRate(this::sendKeepalive, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void sendKeepalive() {
    try {
      broadcasters.values().forEach(b -> b.broadcast(SseFrame.KEEPALIVE, 0));
      alertClients.broadcast(SseFrame.KEEPALIVE, 0);
    } catch (RuntimeException e) {
      // Never let one failure cancel the periodic task.
      LOG.log(Level.WARNING, "SSE keepalive failed", e);
    }
  }
}
