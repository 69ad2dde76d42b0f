package io.nodelink.metrics.server.api;

import io.nodelink.metrics.server.alerts.Alert;
import io.nodelink.metrics.server.alerts.AlertBook;
import io.nodelink.metrics.server.alerts.AlertRule;
import io.nodelink.metrics.server.alerts.AlertRules;
import io.nodelink.metrics.server.alerts.AlertTransition;
import io.nodelink.metrics.server.alerts.RuleJson;
import io.nodelink.metrics.server.alerts.Silences;
import io.nodelink.metrics.server.cluster.ClusterAlerts;
import io.nodelink.metrics.server.cluster.PeerQueries;
import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.view.AlertDto;
import io.nodelink.metrics.server.view.AlertEventDto;
import io.nodelink.metrics.server.view.AlertHistoryDto;
import io.nodelink.metrics.server.view.AlertRuleDto;
import io.nodelink.metrics.server.view.AlertRulesDto;
import io.nodelink.metrics.server.view.AlertViews;
import io.nodelink.metrics.server.view.AlertsDto;
import io.nodelink.metrics.server.view.MessageDto;
import io.nodelink.metrics.server.view.SilenceDto;
import io.nodelink.metrics.server.view.SilencesDto;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Alerting: the active alerts, the alert log, the rules and the silences. */
@Path("/alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

  private static final int MAX_PAGE = 1000;
  private static final long MAX_UNIX_SECONDS = 253_402_300_799L; // 9999-12-31T23:59:59Z

  private static final Comparator<AlertDto> FIRING_FIRST =
      Comparator.comparing((AlertDto a) -> !a.state().equals("firing"))
          .thenComparing(AlertDto::rule)
          .thenComparing(AlertDto::agentId)
          .thenComparing(AlertDto::instance);

  @Inject AlertBook book;

  @Inject AlertRules rules;

  @Inject Silences silences;

  @Inject ClusterAlerts clusterAlerts;

  @Context HttpHeaders headers;

  @Context UriInfo uri;

  @GET
  public AlertsDto active(
      @QueryParam("state") String state,
      @QueryParam("severity") String severity,
      @QueryParam("agent_id") String agentId) {
    if (state != null && !state.equals("pending") && !state.equals("firing")) {
      throw DomainException.badRequest("state: pending or firing");
    }
    Predicate<Alert> filter =
        a ->
            (state == null || a.state().json().equals(state))
                && (severity == null || a.severity().equals(severity))
                && (agentId == null || a.key().agentId().equals(agentId));
    List<AlertDto> alerts =
        book.active().stream()
            .filter(filter)
            .map(a -> AlertViews.alert(a, silences.isSilenced(a)))
            .toList();
    if (!passedOn()) {
      String query = uri.getRequestUri().getRawQuery();
      alerts =
          clusterAlerts.active(
              alerts, query == null ? "/alerts" : "/alerts?" + query, callerCredentials());
    }
    return new AlertsDto(alerts.stream().sorted(FIRING_FIRST).toList());
  }

  @GET
  @Path("history")
  public AlertHistoryDto history(
      @QueryParam("agent_id") String agentId,
      @QueryParam("rule") String rule,
      @QueryParam("since") String sinceText,
      @QueryParam("offset") String offsetText,
      @QueryParam("limit") String limitText) {
    int offset = count("offset", offsetText, 0, 0, Integer.MAX_VALUE);
    // Another server merging its log with this one's asks for its first offset + limit + 1 events.
    int limit = count("limit", limitText, 100, 1, passedOn() ? Integer.MAX_VALUE : MAX_PAGE);
    Instant since = since(sinceText);
    Predicate<AlertTransition> filter =
        t ->
            (agentId == null || t.key().agentId().equals(agentId))
                && (rule == null || t.key().rule().equals(rule))
                && !t.at().isBefore(since);
    int wanted = (int) Math.min(Integer.MAX_VALUE, (long) offset + limit + 1);
    List<AlertEventDto> newest =
        book.history(filter, 0, wanted).stream().map(AlertViews::event).toList();
    if (!passedOn()) {
      String othersQuery =
          UriBuilder.fromPath("/alerts/history")
              .queryParam("agent_id", optional(agentId))
              .queryParam("rule", optional(rule))
              .queryParam("since", optional(sinceText))
              .queryParam("limit", wanted)
              .build()
              .toString();
      newest = clusterAlerts.history(newest, othersQuery, callerCredentials());
    }
    List<AlertEventDto> page = newest.stream().skip(offset).limit(limit + 1L).toList();
    boolean more = page.size() > limit;
    return new AlertHistoryDto(
        page.stream().limit(limit).toList(), offset, limit, more ? offset + limit : -1);
  }

  /** A query parameter left out when absent ({@code queryParam} with no values adds nothing). */
  private static Object[] optional(String value) {
    return value == null ? new Object[0] : new Object[] {value};
  }

  /** Asked by another server of the cluster, which merges the answer with its own. */
  private boolean passedOn() {
    return headers.getHeaderString(PeerQueries.OWN_ANSWER) != null;
  }

  private Map<String, String> callerCredentials() {
    return CallerCredentials.of(headers);
  }

  @GET
  @Path("rules")
  public AlertRulesDto allRules() {
    return new AlertRulesDto(rules.all().stream().map(AlertViews::rule).toList());
  }

  @GET
  @Path("rules/{name}")
  public AlertRuleDto rule(@PathParam("name") String name) {
    return AlertViews.rule(
        rules.find(name).orElseThrow(() -> DomainException.notFound("rule not found")));
  }

  @POST
  @Path("rules")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createRule(String body) {
    AlertRule rule = RuleJson.parse(body(body), AlertRule.SOURCE_API);
    rules.create(rule);
    return Response.status(Response.Status.CREATED).entity(AlertViews.rule(rule)).build();
  }

  @PUT
  @Path("rules/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public AlertRuleDto replaceRule(@PathParam("name") String name, String body) {
    AlertRule rule = RuleJson.parse(body(body), AlertRule.SOURCE_API);
    if (!rule.name().equals(name)) {
      throw DomainException.badRequest("name: must be the name in the path (" + name + ")");
    }
    rules.replace(rule);
    return AlertViews.rule(rule);
  }

  @DELETE
  @Path("rules/{name}")
  public MessageDto deleteRule(@PathParam("name") String name) {
    rules.delete(name);
    return new MessageDto("rule deleted");
  }

  @GET
  @Path("silences")
  public SilencesDto allSilences() {
    return new SilencesDto(silences.active().stream().map(AlertViews::silence).toList());
  }

  @POST
  @Path("silences")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createSilence(String body, @Context SecurityContext security) {
    JsonValue json;
    try (var reader = Json.createReader(new StringReader(body(body)))) {
      json = reader.readValue();
    } catch (RuntimeException e) {
      throw DomainException.badRequest("body: not valid JSON");
    }
    if (json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw DomainException.badRequest("body: must be a JSON object");
    }
    String user =
        security == null || security.getUserPrincipal() == null
            ? ""
            : security.getUserPrincipal().getName();
    SilenceDto created = AlertViews.silence(silences.create((JsonObject) json, user));
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @DELETE
  @Path("silences/{id}")
  public MessageDto deleteSilence(@PathParam("id") String id) {
    silences.delete(id);
    return new MessageDto("silence deleted");
  }

  private static String body(String body) {
    if (body == null || body.isBlank()) {
      throw DomainException.badRequest("body: required");
    }
    return body;
  }

  /** Unix seconds; absent = the whole log. */
  private static Instant since(String text) {
    if (text == null || text.isEmpty()) {
      return Instant.EPOCH;
    }
    try {
      long seconds = Long.parseLong(text);
      if (seconds >= 0 && seconds <= MAX_UNIX_SECONDS) {
        return Instant.ofEpochSecond(seconds);
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw DomainException.badRequest("since: Unix seconds from 0 to " + MAX_UNIX_SECONDS);
  }

  private static int count(String name, String text, int fallback, int min, int max) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw DomainException.badRequest(name + ": an integer from " + min + " to " + max);
  }
}
