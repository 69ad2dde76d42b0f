package io.nodelink.metrics.server.api;

import io.nodelink.metrics.history.HistoryQuery;
import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.agents.AgentState;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.store.MetricsStore;
import io.nodelink.metrics.server.streaming.ManualStart;
import io.nodelink.metrics.server.streaming.StreamingControl;
import io.nodelink.metrics.server.tasks.TaskDispatcher;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import io.nodelink.metrics.server.tasks.TaskView;
import io.nodelink.metrics.server.view.AgentSummaryDto;
import io.nodelink.metrics.server.view.AgentTasksDto;
import io.nodelink.metrics.server.view.DtoMapper;
import io.nodelink.metrics.server.view.ErrorDto;
import io.nodelink.metrics.server.view.HistoryDto;
import io.nodelink.metrics.server.view.Json;
import io.nodelink.metrics.server.view.MetricsSnapshotDto;
import io.nodelink.metrics.server.view.SeriesListDto;
import io.nodelink.metrics.server.view.StartStreamingRequest;
import io.nodelink.metrics.server.view.StreamStartedDto;
import io.nodelink.metrics.server.view.SystemInfoDto;
import io.nodelink.metrics.server.view.TaskAcceptedDto;
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
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One agent: system info, metrics, streaming control, history and tasks. */
@Path("/agents/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "agent", description = "One agent's data and control")
public class AgentResource {

  /** The metric groups an agent can stream. */
  static final Set<String> GROUPS = Set.of("cpu", "memory", "disk", "network", "processes", "load");

  private static final Jsonb JSONB = Json.create();

  @Inject AgentRegistry agents;

  @Inject MetricsStore store;

  @Inject HistoryStore history;

  @Inject Clock clock;

  @Inject StreamingControl streaming;

  @Inject TaskDispatcher dispatcher;

  @Inject TaskRegistry tasks;

  @Inject ServerConfig config;

  @GET
  @Operation(summary = "One agent's summary (extension)")
  @APIResponse(
      responseCode = "200",
      description = "The agent, as listed by GET /metrics/agents",
      content = @Content(schema = @Schema(implementation = AgentSummaryDto.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown agent",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  public AgentSummaryDto summary(@Parameter(description = "Agent id") @PathParam("id") String id) {
    AgentState state = agents.require(id);
    return DtoMapper.summary(
        state,
        streaming.status(id),
        store.systemInfo(id).isPresent(),
        store.latestMetrics(id).isPresent());
  }

  @POST
  @Path("system/refresh")
  @Operation(summary = "Ask the agent for fresh system information")
  @APIResponse(
      responseCode = "200",
      description = "Request sent",
      content = @Content(schema = @Schema(implementation = TaskAcceptedDto.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown agent",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  @APIResponse(
      responseCode = "409",
      description = "Agent offline",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  public TaskAcceptedDto refreshSystemInfo(
      @Parameter(description = "Agent id") @PathParam("id") String id) {
    TaskView task = dispatcher.requestSystemInfo(id);
    return new TaskAcceptedDto("system info refresh requested", task.taskId());
  }

  @GET
  @Path("system")
  @Operation(summary = "The agent's latest system information")
  @APIResponse(
      responseCode = "200",
      description = "System information",
      content = @Content(schema = @Schema(implementation = SystemInfoDto.class)))
  @APIResponse(
      responseCode = "404",
      description = "agent not found / no system information available",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  public SystemInfoDto systemInfo(@Parameter(description = "Agent id") @PathParam("id") String id) {
    agents.require(id);
    return store
        .systemInfo(id)
        .map(info -> DtoMapper.systemInfo(id, info))
        .orElseThrow(() -> DomainException.notFound("no system information available"));
  }

  @POST
  @Path("metrics/start")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Hold metrics streaming on",
      description =
          "Streaming stays on until metrics/stop or DELETE /tasks/{task_id} of the returned"
              + " stream task. The agent streams at the smallest interval any holder (this or an"
              + " SSE client) asked for.")
  @RequestBody(
      required = false,
      content = @Content(schema = @Schema(implementation = StartStreamingRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "Streaming held on",
      content = @Content(schema = @Schema(implementation = StreamStartedDto.class)))
  @APIResponse(
      responseCode = "400",
      description = "Bad body or interval outside 1-300",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown agent",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  @APIResponse(
      responseCode = "409",
      description = "Agent offline",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  public StreamStartedDto startStreaming(
      @Parameter(description = "Agent id") @PathParam("id") String id, String body) {
    StartStreamingRequest request = parseStart(body);
    int interval = interval(request.intervalSeconds());
    List<String> groups = groups(request.metrics());
    agents.require(id);
    ManualStart started = streaming.startManual(id, interval, groups);
    String message =
        started.effectiveInterval() == interval
            ? "metrics streaming started"
            : "metrics streaming started; the agent streams every "
                + started.effectiveInterval()
                + " s for another holder";
    return new StreamStartedDto(message, started.streamTaskId(), interval);
  }

  @POST
  @Path("metrics/stop")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Release the manual streaming hold",
      description = "Streaming stops unless SSE clients still hold it.")
  @APIResponse(
      responseCode = "200",
      description = "Stopped (or released)",
      content = @Content(schema = @Schema(implementation = TaskAcceptedDto.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown agent",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  @APIResponse(
      responseCode = "409",
      description = "Agent offline",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  public TaskAcceptedDto stopStreaming(
      @Parameter(description = "Agent id") @PathParam("id") String id) {
    TaskView task = streaming.stopManual(id);
    return new TaskAcceptedDto(
        task.status().isFinal() ? task.message() : "metrics streaming stop requested",
        task.taskId());
  }

  @GET
  @Path("metrics")
  @Operation(summary = "The agent's latest metrics snapshot")
  @APIResponse(
      responseCode = "200",
      description = "The snapshot",
      content = @Content(schema = @Schema(implementation = MetricsSnapshotDto.class)))
  @APIResponse(
      responseCode = "404",
      description = "agent not found / no metrics available",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  public MetricsSnapshotDto latestMetrics(
      @Parameter(description = "Agent id") @PathParam("id") String id) {
    agents.require(id);
    return store
        .latestMetrics(id)
        .map(m -> DtoMapper.snapshot(id, m))
        .orElseThrow(() -> DomainException.notFound("no metrics available"));
  }

  @GET
  @Path("metrics/history")
  @Operation(
      summary = "Metrics history",
      description =
          "Aligned buckets of `interval` seconds (0 = raw points); the interval widens until the"
              + " buckets fit max_points, so the newest data is never cut off.")
  @APIResponse(
      responseCode = "200",
      description = "The history",
      content = @Content(schema = @Schema(implementation = HistoryDto.class)))
  @APIResponse(
      responseCode = "400",
      description = "Bad parameter",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown agent",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  public HistoryDto history(
      @Parameter(description = "Agent id") @PathParam("id") String id,
      @Parameter(description = "Comma list of series; empty = every series") @QueryParam("metrics")
          String metrics,
      @Parameter(description = "Unix seconds; default: earliest kept") @QueryParam("start")
          String start,
      @Parameter(description = "Unix seconds; default: now") @QueryParam("end") String end,
      @Parameter(description = "Bucket seconds; 0 or absent = raw") @QueryParam("interval")
          String interval,
      @Parameter(description = "Most data points (default 1000, capped by config)")
          @QueryParam("max_points")
          String maxPoints,
      @Parameter(description = "Bucket aggregation: avg (default), min, max, last")
          @QueryParam("agg")
          String agg) {
    HistoryQuery query =
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
    HistoryResult result = history.query(id, query);
    return DtoMapper.history(id, result);
  }

  @GET
  @Path("metrics/series")
  @Operation(summary = "The series names the agent has history for")
  @APIResponse(
      responseCode = "200",
      description = "Series names, sorted",
      content = @Content(schema = @Schema(implementation = SeriesListDto.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown agent",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  public SeriesListDto series(@Parameter(description = "Agent id") @PathParam("id") String id) {
    agents.require(id);
    return new SeriesListDto(id, new ArrayList<>(history.seriesOf(id)));
  }

  @GET
  @Path("tasks")
  @Operation(summary = "The agent's control tasks, newest first")
  @APIResponse(
      responseCode = "200",
      description = "Tasks",
      content = @Content(schema = @Schema(implementation = AgentTasksDto.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown agent",
      content = @Content(schema = @Schema(implementation = ErrorDto.class)))
  public AgentTasksDto tasks(@Parameter(description = "Agent id") @PathParam("id") String id) {
    agents.require(id);
    return new AgentTasksDto(id, tasks.forAgent(id).stream().map(DtoMapper::task).toList());
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
