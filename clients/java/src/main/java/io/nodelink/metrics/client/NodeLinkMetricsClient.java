package io.nodelink.metrics.client;

import io.nodelink.metrics.client.model.AgentList;
import io.nodelink.metrics.client.model.AgentTasks;
import io.nodelink.metrics.client.model.ErrorBody;
import io.nodelink.metrics.client.model.History;
import io.nodelink.metrics.client.model.MessageResponse;
import io.nodelink.metrics.client.model.MetricsSnapshot;
import io.nodelink.metrics.client.model.SeriesList;
import io.nodelink.metrics.client.model.StreamingRequest;
import io.nodelink.metrics.client.model.StreamingStarted;
import io.nodelink.metrics.client.model.SystemInfo;
import io.nodelink.metrics.client.model.TaskAccepted;
import io.nodelink.metrics.client.model.TaskInfo;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.SseEventSource;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Typed client of the NodeLink Metrics REST API and its Server-Sent Events, over the Jakarta REST
 * client API. Each call returns the contract's JSON as records; a failed call throws {@link
 * NodeLinkClientException} with the HTTP status and the server's {@code error} text.
 *
 * <pre>{@code
 * try (var nodelink = NodeLinkMetricsClient.create(URI.create("http://localhost:8080"));
 *     var stream = nodelink.streamMetrics("agent1", 5, s -> log(s.cpu().usagePercent()))) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safe as its {@link Client} is. The JAX-RS runtime must read and write JSON through
 * JSON-B and support SSE (Liberty's restfulClient + jsonb features; Jersey with
 * jersey-media-json-binding and jersey-media-sse; RESTEasy with its JSON-B provider).
 */
public final class NodeLinkMetricsClient implements AutoCloseable {

  /** Intervals the server accepts for streaming, in seconds. */
  public static final int MIN_INTERVAL_SECONDS = 1;

  public static final int MAX_INTERVAL_SECONDS = 300;
  public static final int DEFAULT_INTERVAL_SECONDS = 5;

  /** POSTs without parameters send {@code {}}: JAX-RS runtimes refuse a POST without entity. */
  private static final Entity<Map<String, Object>> EMPTY_BODY = Entity.json(Map.of());

  private final Client client;
  private final boolean ownsClient;
  private final WebTarget root;

  /**
   * A client over the caller's JAX-RS {@link Client}, which the caller keeps and closes.
   *
   * @param client configured as the caller wants (timeouts, TLS, filters)
   * @param baseUri the server, e.g. {@code http://localhost:8080}
   */
  public NodeLinkMetricsClient(Client client, URI baseUri) {
    this(client, baseUri, false);
  }

  private NodeLinkMetricsClient(Client client, URI baseUri, boolean ownsClient) {
    this.client = Objects.requireNonNull(client, "client");
    this.ownsClient = ownsClient;
    this.root = client.target(Objects.requireNonNull(baseUri, "baseUri"));
  }

  /**
   * A client with its own JAX-RS {@link Client} (10 s connect and 30 s read timeouts), closed by
   * {@link #close()}.
   */
  public static NodeLinkMetricsClient create(URI baseUri) {
    return new NodeLinkMetricsClient(newClient(), baseUri, true);
  }

  /**
   * As {@link #create(URI)}, signing every request (REST and SSE) in with {@code credentials}: a
   * server that requires login answers 401 without them, 403 to a viewer's changes.
   */
  public static NodeLinkMetricsClient create(URI baseUri, Credentials credentials) {
    Client client = newClient();
    client.register(Objects.requireNonNull(credentials, "credentials"));
    return new NodeLinkMetricsClient(client, baseUri, true);
  }

  private static Client newClient() {
    return ClientBuilder.newBuilder()
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS)
        .build();
  }

  /** Every agent the server knows, online or not, by id. */
  public AgentList getAllAgents() {
    return call("GET", root.path("metrics/agents"), null, AgentList.class);
  }

  /** Asks the agent for fresh system information; read it later with {@link #getSystemInfo}. */
  public TaskAccepted refreshSystemInfo(String agentId) {
    return call("POST", agent(agentId).path("system/refresh"), EMPTY_BODY, TaskAccepted.class);
  }

  /** The agent's latest system information (404 until the agent has sent some). */
  public SystemInfo getSystemInfo(String agentId) {
    return call("GET", agent(agentId).path("system"), null, SystemInfo.class);
  }

  /** The agent's latest metrics snapshot (404 until the agent has sent one). */
  public MetricsSnapshot getCurrentMetrics(String agentId) {
    return call("GET", agent(agentId).path("metrics"), null, MetricsSnapshot.class);
  }

  /** Starts streaming on the agent every group at the server's default interval. */
  public StreamingStarted startMetricsStreaming(String agentId) {
    return startMetricsStreaming(agentId, StreamingRequest.defaults());
  }

  /**
   * Starts streaming on the agent without an SSE client; it goes on until {@link
   * #stopMetricsStreaming} or {@link #cancelTask} of the returned task. A bad interval is the
   * server's 400.
   */
  public StreamingStarted startMetricsStreaming(String agentId, StreamingRequest request) {
    return call(
        "POST", agent(agentId).path("metrics/start"), Entity.json(request), StreamingStarted.class);
  }

  /** Stops the streaming a {@link #startMetricsStreaming} started. */
  public TaskAccepted stopMetricsStreaming(String agentId) {
    return call("POST", agent(agentId).path("metrics/stop"), EMPTY_BODY, TaskAccepted.class);
  }

  /** The agent's history, raw or in aligned buckets. */
  public History getHistoricalMetrics(String agentId, HistoryQuery query) {
    WebTarget target = agent(agentId).path("metrics/history");
    if (!query.metrics().isEmpty()) {
      target = target.queryParam("metrics", String.join(",", query.metrics()));
    }
    target = withParam(target, "start", query.start());
    target = withParam(target, "end", query.end());
    target = withParam(target, "interval", query.interval());
    target = withParam(target, "max_points", query.maxPoints());
    if (query.aggregation() != null) {
      target = target.queryParam("agg", query.aggregation().parameter());
    }
    return call("GET", target, null, History.class);
  }

  /** Extension: the names of the history series the agent has. */
  public SeriesList getMetricSeries(String agentId) {
    return call("GET", agent(agentId).path("metrics/series"), null, SeriesList.class);
  }

  /** One task the server sent to an agent. */
  public TaskInfo getTask(String taskId) {
    return call("GET", task(taskId), null, TaskInfo.class);
  }

  /** Cancels a task; cancelling a streaming task stops the streaming. */
  public MessageResponse cancelTask(String taskId) {
    return call("DELETE", task(taskId), null, MessageResponse.class);
  }

  /** The tasks the server sent to one agent. */
  public AgentTasks getAgentTasks(String agentId) {
    return call("GET", agent(agentId).path("tasks"), null, AgentTasks.class);
  }

  /**
   * Subscribes to the agent's snapshots over Server-Sent Events. The server starts streaming on the
   * agent for its first client and stops after the last one closes. The runtime reconnects after
   * network errors; close the returned stream when done.
   *
   * @param intervalSeconds 1–300
   * @throws IllegalArgumentException for an interval outside 1–300 (an event source cannot report
   *     the server's 400)
   */
  public MetricsStream streamMetrics(
      String agentId, int intervalSeconds, MetricsListener listener) {
    if (intervalSeconds < MIN_INTERVAL_SECONDS || intervalSeconds > MAX_INTERVAL_SECONDS) {
      throw new IllegalArgumentException(
          "interval must be from 1 to 300 seconds, got " + intervalSeconds);
    }
    Objects.requireNonNull(listener, "listener");
    WebTarget target =
        agent(agentId).path("metrics/stream").queryParam("interval", intervalSeconds);
    SseEventSource source =
        SseEventSource.target(target).reconnectingEvery(1, TimeUnit.SECONDS).build();
    MetricsStream stream = new MetricsStream(source, listener);
    stream.open();
    return stream;
  }

  /** Closes the JAX-RS client if this instance created it ({@link #create}). */
  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }

  private WebTarget agent(String agentId) {
    return root.path("agents/{id}").resolveTemplate("id", Objects.requireNonNull(agentId));
  }

  private WebTarget task(String taskId) {
    return root.path("tasks/{id}").resolveTemplate("id", Objects.requireNonNull(taskId));
  }

  private static WebTarget withParam(WebTarget target, String name, Object value) {
    return value == null ? target : target.queryParam(name, value);
  }

  private <T> T call(String method, WebTarget target, Entity<?> body, Class<T> type) {
    String request = method + " " + target.getUri().getRawPath();
    Invocation.Builder builder = target.request(MediaType.APPLICATION_JSON_TYPE);
    Response response;
    try {
      response = body == null ? builder.method(method) : builder.method(method, body);
    } catch (ProcessingException e) {
      throw new NodeLinkClientException(0, describe(e), request, null, e);
    }
    try (response) {
      if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
        throw errorOf(response, request);
      }
      try {
        return response.readEntity(type);
      } catch (ProcessingException | IllegalStateException e) {
        throw new NodeLinkClientException(
            response.getStatus(), "unreadable answer: " + describe(e), request, null, e);
      }
    }
  }

  private static NodeLinkClientException errorOf(Response response, String request) {
    int status = response.getStatus();
    String reason = response.getStatusInfo().getReasonPhrase();
    if (!response.hasEntity()) {
      return new NodeLinkClientException(status, reason, request, null, null);
    }
    response.bufferEntity();
    if (MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
      try {
        ErrorBody body = response.readEntity(ErrorBody.class);
        if (body != null && body.error() != null) {
          return new NodeLinkClientException(status, body.error(), request, body.details(), null);
        }
      } catch (ProcessingException e) {
        // Not the contract's error shape: fall back to the text below.
      }
    }
    String text = response.readEntity(String.class).replaceAll("\\s+", " ").strip();
    String error = reason != null && !reason.isBlank() ? reason : abbreviate(text);
    return new NodeLinkClientException(status, error, request, text.isEmpty() ? null : text, null);
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == e ? message : root.getClass().getSimpleName() + ": " + message;
  }
}
