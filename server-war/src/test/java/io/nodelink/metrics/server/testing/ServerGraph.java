package io.nodelink.metrics.server.testing;

import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.SimpleHistoryStore;
import io.nodelink.metrics.server.agents.AgentConnected;
import io.nodelink.metrics.server.agents.AgentDisconnected;
import io.nodelink.metrics.server.agents.AgentEvents;
import io.nodelink.metrics.server.agents.AgentForgotten;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.agents.JdbcAgentRepository;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.database.StateDatabase;
import io.nodelink.metrics.server.ingest.AgentIngest;
import io.nodelink.metrics.server.ingest.IngestGuard;
import io.nodelink.metrics.server.ingest.IngestListener;
import io.nodelink.metrics.server.store.JdbcSystemInfoRepository;
import io.nodelink.metrics.server.store.MetricsStore;
import io.nodelink.metrics.server.streaming.JdbcHoldRepository;
import io.nodelink.metrics.server.streaming.StreamingControl;
import io.nodelink.metrics.server.tasks.JdbcTaskRepository;
import io.nodelink.metrics.server.tasks.SystemInfoOnConnect;
import io.nodelink.metrics.server.tasks.TaskDispatcher;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The server's beans wired by hand, as CDI wires them in the server: the registry's lifecycle
 * events reach the same observers (tasks, streaming, store, system info on connect). SSE is left
 * out; the ITs cover it in a real server. Every lifecycle event is also recorded, in order.
 */
public final class ServerGraph implements AgentEvents {

  public final HistoryStore history = new SimpleHistoryStore();
  public final AgentRegistry agents;
  public final TaskRegistry tasks;
  public final TaskDispatcher dispatcher;
  public final StreamingControl streaming;
  public final MetricsStore store;
  public final AgentIngest ingest;
  private final SystemInfoOnConnect systemInfo;
  private final List<Object> events = new CopyOnWriteArrayList<>();

  /** Runs before the observers of each lifecycle event: tests pause a transition here. */
  public volatile Consumer<Object> beforeObservers = event -> {};

  /** Streaming on demand only (no collection baseline). */
  public ServerGraph(Clock clock, boolean systemInfoOnConnect, IngestListener listener) {
    this(clock, systemInfoOnConnect, listener, 0);
  }

  /** {@code collectionIntervalSeconds}: the collection baseline, 0 for streaming on demand only. */
  public ServerGraph(
      Clock clock,
      boolean systemInfoOnConnect,
      IngestListener listener,
      int collectionIntervalSeconds) {
    agents = new AgentRegistry(100, clock, this);
    tasks = new TaskRegistry(1000, clock);
    dispatcher = new TaskDispatcher(agents, tasks);
    streaming = new StreamingControl(agents, tasks, dispatcher, collectionIntervalSeconds);
    store = new MetricsStore(history, 2000, clock);
    systemInfo = new SystemInfoOnConnect(dispatcher, systemInfoOnConnect);
    IngestGuard guard =
        new IngestGuard(IngestGuard.sanitizer(ServerConfig.defaults()), clock, listener);
    ingest = new AgentIngest(agents, store, tasks, streaming, listener, guard);
  }

  /**
   * A server whose state lives in {@code database}, restored from it as the container does at start
   * (the registry first: the others look agents up); streaming on demand only, no system info
   * request on connect.
   */
  public ServerGraph(Clock clock, StateDatabase database) {
    agents = new AgentRegistry(100, clock, this, new JdbcAgentRepository(database));
    agents.restore();
    tasks = new TaskRegistry(1000, clock, new JdbcTaskRepository(database));
    tasks.restore();
    dispatcher = new TaskDispatcher(agents, tasks);
    streaming =
        new StreamingControl(agents, tasks, dispatcher, 0, new JdbcHoldRepository(database));
    streaming.restore();
    store = new MetricsStore(history, 2000, clock, new JdbcSystemInfoRepository(database, clock));
    store.restore();
    IngestListener listener = IngestListener.NONE;
    systemInfo = new SystemInfoOnConnect(dispatcher, false);
    IngestGuard guard =
        new IngestGuard(IngestGuard.sanitizer(ServerConfig.defaults()), clock, listener);
    ingest = new AgentIngest(agents, store, tasks, streaming, listener, guard);
  }

  /** The lifecycle events published so far, in order. */
  public List<Object> events() {
    return List.copyOf(events);
  }

  @Override
  public void connected(AgentConnected event) {
    events.add(event);
    beforeObservers.accept(event);
    systemInfo.onAgentConnected(event);
    streaming.onAgentConnected(event);
  }

  @Override
  public void disconnected(AgentDisconnected event) {
    events.add(event);
    beforeObservers.accept(event);
    tasks.onAgentDisconnected(event);
    streaming.onAgentDisconnected(event);
  }

  @Override
  public void forgotten(AgentForgotten event) {
    events.add(event);
    beforeObservers.accept(event);
    store.onAgentForgotten(event);
    tasks.onAgentForgotten(event);
    streaming.onAgentForgotten(event);
  }
}
