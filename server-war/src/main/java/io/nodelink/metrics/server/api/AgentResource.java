package io.nodelink.metrics.server.api;

import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.agents.AgentState;
import io.nodelink.metrics.server.alerts.AlertBook;
import io.nodelink.metrics.server.cluster.ClusterTasks;
import io.nodelink.metrics.server.cluster.PeerQueries;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.store.MetricsStore;
import io.nodelink.metrics.server.streaming.ManualStart;
import io.nodelink.metrics.server.streaming.StreamingControl;
import io.nodelink.metrics.server.tasks.SystemInfoRefresh;
import io.nodelink.metrics.server.tasks.TaskDispatcher;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import io.nodelink.metrics.server.tasks.TaskView;
import io.nodelink.metrics.server.view.AgentSummaryDto;
import io.nodelink.metrics.server.view.AgentTasksDto;
import io.nodelink.metrics.server.view.DtoMapper;
import io.nodelink.metrics.server.view.HistoryDto;
import io.nodelink.metrics.server.view.Json;
import io.nodelink.metrics.server.view.MetricsSnapshotDto;
import io.nodelink.metrics.server.view.SeriesListDto;
import io.nodelink.metrics.server.view.StartStreamingRequest;
import io.nodelink.metrics.server.view.StreamStartedDto;
import io.nodelink.metrics.server.view.SystemInfoDto;
import io.nodelink.metrics.server.view.TaskAcceptedDto;
import io.nodelink.metrics.server.view.TaskDto;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One agent: system info, metrics, streaming control, history and tasks. */
@Path("/agents/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

  /** The metric groups an agent can stream. */
  static final Set<String> GROUPS = Set.of("cpu", "memory", "disk", "network", "processes", "load");

  private static final Jsonb JSONB = Json.create();

  @Inject AgentRegistry agents;

  @Inject MetricsStore store;

  @Inject AlertBook alerts;

  @Inject HistoryStore history;

  @Inject Clock clock;

  @Inject StreamingControl streaming;

  @Inject ClusterTasks clusterTasks;

  @Context HttpHeaders headers;

  @Inject TaskDispatcher dispatcher;

  @Inject TaskRegistry tasks;

  @Inject ServerConfig config;

  @Inject HistoryQueryLimiter historyQueries;

  @GET
  public AgentSummaryDto summary(@PathParam("id") String id) {
    AgentState state = agents.require(id);
    return DtoMapper.summary(
        state,
        streaming.status(id),
        store.systemInfo(id).isPresent(),
        store.latestMetrics(id).isPresent(),
        store.seriesCount(id),
        alerts.firingCount(id));
  }

  @POST
  @Path("system/refresh")
  public TaskAcceptedDto refreshSystemInfo(@PathParam("id") String id) {
    SystemInfoRefresh refresh = dispatcher.refreshSystemInfo(id);
    return new TaskAcceptedDto(
        refresh.alreadyInFlight()
            ? "system info refresh already in progress"
            : "system info refresh requested",
        refresh.task().taskId());
  }

  @GET
  @Path("system")
  public SystemInfoDto systemInfo(@PathParam("id") String id) {
    agents.require(id);
    return store
        .systemInfo(id)
        .map(info -> DtoMapper.systemInfo(id, info))
        .orElseThrow(() -> DomainException.notFound("no system information available"));
  }

  @POST
  @Path("metrics/start")
  @Consumes(MediaType.WILDCARD)
  public StreamStartedDto startStreaming(@PathParam("id") String id, String body) {
    StartStreamingRequest request = parseStart(body);
    int interval = interval(request.intervalSeconds());
    List<String> groups = groups(request.metrics());
    agents.require(id);
    ManualStart started = streaming.startManual(id, interval, groups);
    int granted = started.requestedInterval();
    String message =
        started.effectiveInterval() == granted
            ? "metrics streaming started"
            : "metrics streaming started; the agent streams every "
                + started.effectiveInterval()
                + (started.setByBaseline()
                    ? " s, the collection interval"
                    : " s for another holder");
    if (granted > interval) {
      message += " (interval raised to the server's minimum of " + granted + " s)";
    }
    return new StreamStartedDto(message, started.streamTaskId(), granted);
  }

  @POST
  @Path("metrics/stop")
  @Consumes(MediaType.WILDCARD)
  public TaskAcceptedDto stopStreaming(@PathParam("id") String id) {
    TaskView task = streaming.stopManual(id);
    return new TaskAcceptedDto(
        task.status().isFinal() ? task.message() : "metrics streaming stop requested",
        task.taskId());
  }

  @GET
  @Path("metrics")
  public MetricsSnapshotDto latestMetrics(@PathParam("id") String id) {
    agents.require(id);
    return store
        .latestMetrics(id)
        .map(m -> DtoMapper.snapshot(id, m))
        .orElseThrow(() -> DomainException.notFound("no metrics available"));
  }

  @GET
  @Path("metrics/history")
  public HistoryDto history(
      @PathParam("id") String id,
      @QueryParam("metrics") String metrics,
      @QueryParam("start") String start,
      @QueryParam("end") String end,
      @QueryParam("interval") String interval,
      @QueryParam("max_points") String maxPoints,
      @QueryParam("agg") String agg) {
    RangeQuery query =
        HistoryParams.parse(
            metrics,
            start,
            end,
            interval,
            maxPoints,
            agg,
            clock.instant().getEpochSecond(),
            config.historyMaxPointsDefault(),
            config.historyMaxPointsLimit());
    agents.require(id);
    int series = query.series().isEmpty() ? history.seriesOf(id).size() : query.series().size();
    HistoryCost.check(query, series, config.historyMaxValues());
    try (HistoryQueryLimiter.Permit permit = historyQueries.acquire()) {
      HistoryResult result = history.query(id, query);
      return DtoMapper.history(id, result);
    }
  }

  @GET
  @Path("metrics/series")
  public SeriesListDto series(@PathParam("id") String id) {
    agents.require(id);
    return new SeriesListDto(id, new ArrayList<>(history.seriesOf(id)));
  }

  @GET
  @Path("tasks")
  public AgentTasksDto tasks(@PathParam("id") String id) {
    List<TaskDto> held = tasks.forAgent(id).stream().map(DtoMapper::task).toList();
    if (headers.getHeaderString(PeerQueries.OWN_ANSWER) != null) {
      // Asked by another server: tasks taken over from a server that is gone may be held here
      // for an agent this server never saw.
      return new AgentTasksDto(id, held);
    }
    agents.require(id);
    return new AgentTasksDto(id, clusterTasks.ofAgent(id, held, CallerCredentials.of(headers)));
  }

  private static StartStreamingRequest parseStart(String body) {
    if (body == null || body.isBlank()) {
      return new StartStreamingRequest(null, null);
    }
    try {
      StartStreamingRequest request = JSONB.fromJson(body, StartStreamingRequest.class);
      if (request == null) {
        throw DomainException.badRequest("the body must be a JSON object");
      }
      return request;
    } catch (JsonbException e) {
      throw DomainException.badRequest("invalid JSON body: " + rootMessage(e));
    }
  }

  private int interval(Integer requested) {
    // Absent means the default; 0 is a client mistake here (only on the wire does a START
    // with 0 mean "the default").
    if (requested == null) {
      return config.streamingDefaultInterval();
    }
    if (requested < 1 || requested > 300) {
      throw DomainException.badRequest(
          "interval_seconds must be between 1 and 300, got " + requested);
    }
    return requested;
  }

  private static List<String> groups(List<String> requested) {
    if (requested == null) {
      return List.of();
    }
    List<String> groups = new ArrayList<>();
    for (String g : requested) {
      String group = g == null ? "" : g.trim().toLowerCase(Locale.ROOT);
      if (!GROUPS.contains(group)) {
        throw DomainException.badRequest(
            "unknown metric group '" + g + "'; known: cpu, memory, disk, network, processes, load");
      }
      groups.add(group);
    }
    return groups;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? e.getMessage() : t.getMessage();
    return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
  }
}
