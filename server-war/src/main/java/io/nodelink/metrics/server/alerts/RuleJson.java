package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.server.domain.DomainException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rule to and from its JSON form, validated field by field: every refusal is a 400 whose message
 * starts with the offending field's name ({@code "threshold: must be a number"}). Used for the
 * API's bodies, the rules file and the database alike, so the three can never drift apart.
 */
public final class RuleJson {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern METRIC = Pattern.compile("[A-Za-z0-9_*-]+(\\.[A-Za-z0-9_*-]+)+");
  private static final Pattern AGENT_PATTERN = Pattern.compile("[A-Za-z0-9._*-]{1,128}");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  private static final Set<String> TYPES =
      Set.of(AlertRule.THRESHOLD, AlertRule.NO_DATA, AlertRule.PREDICT_FULL);
  private static final Set<String> AGGS = Set.of("avg", "min", "max", "last");
  private static final Set<String> OPS = Set.of(">", ">=", "<", "<=");
  private static final Set<String> SEVERITIES = Set.of("info", "warning", "critical");
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "type",
          "metric",
          "agg",
          "over_seconds",
          "op",
          "threshold",
          "clear_threshold",
          "for_seconds",
          "severity",
          "agents",
          "labels",
          "summary",
          "source",
          "read_only");
  private static final int MAX_SECONDS = 7 * 24 * 3600;

  private RuleJson() {}

  /** Parses JSON text (a request body, a database row). */
  public static AlertRule parse(String json, String source) {
    JsonValue value;
    try (var reader = Json.createReader(new StringReader(json))) {
      value = reader.readValue();
    } catch (RuntimeException e) {
      throw DomainException.badRequest("body: not valid JSON");
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw DomainException.badRequest("body: must be a JSON object");
    }
    return parse(value.asJsonObject(), source);
  }

  /**
   * Reads and validates one rule.
   *
   * @throws DomainException 400 naming the first bad field
   */
  public static AlertRule parse(JsonObject json, String source) {
    for (String key : json.keySet()) {
      if (!FIELDS.contains(key)) {
        throw bad(key, "unknown field");
      }
    }
    String name = text(json, "name", null);
    if (!NAME.matcher(name).matches()) {
      throw bad("name", "1-64 characters of A-Z a-z 0-9 . _ -");
    }
    String type = oneOf(json, "type", AlertRule.THRESHOLD, TYPES);
    boolean noData = AlertRule.NO_DATA.equals(type);
    boolean predict = AlertRule.PREDICT_FULL.equals(type);
    String metric = noData ? text(json, "metric", "") : text(json, "metric", null);
    if (!noData && !METRIC.matcher(metric).matches()) {
      throw bad("metric", "a series name such as cpu.usage_percent or disk.*.usage_percent");
    }
    String agg = oneOf(json, "agg", "avg", AGGS);
    int over = seconds(json, "over_seconds", predict ? 21600 : 60, 0);
    String op = oneOf(json, "op", predict ? "<" : ">", OPS);
    double threshold = noData ? number(json, "threshold", 0.0) : number(json, "threshold", null);
    Double clear =
        json.containsKey("clear_threshold") && !isNull(json, "clear_threshold")
            ? number(json, "clear_threshold", null)
            : null;
    if (clear != null && wrongSide(op, threshold, clear)) {
      throw bad("clear_threshold", "must be on the other side of threshold (or equal)");
    }
    int forSeconds = seconds(json, "for_seconds", noData ? 60 : 0, 0);
    if (noData && forSeconds < 1) {
      throw bad("for_seconds", "a no_data rule needs at least 1 s");
    }
    if (predict && over < 60) {
      throw bad("over_seconds", "a predict_full rule fits over at least 60 s");
    }
    String severity = oneOf(json, "severity", "warning", SEVERITIES);
    List<String> agents = agents(json);
    Map<String, String> labels = labels(json);
    String summary = text(json, "summary", defaultSummary(type, metric));
    if (summary.length() > 500) {
      throw bad("summary", "at most 500 characters");
    }
    return new AlertRule(
        name,
        type,
        metric,
        agg,
        over,
        op,
        threshold,
        clear,
        forSeconds,
        severity,
        agents,
        labels,
        summary,
        source);
  }

  /** The rule as JSON text, every field spelled out (what the database keeps). */
  public static String write(AlertRule rule) {
    JsonArrayBuilder agents = Json.createArrayBuilder();
    rule.agents().forEach(agents::add);
    JsonObjectBuilder labels = Json.createObjectBuilder();
    rule.labels().forEach(labels::add);
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("name", rule.name())
            .add("type", rule.type())
            .add("metric", rule.metric())
            .add("agg", rule.agg())
            .add("over_seconds", rule.overSeconds())
            .add("op", rule.op())
            .add("threshold", rule.threshold())
            .add("for_seconds", rule.forSeconds())
            .add("severity", rule.severity())
            .add("agents", agents)
            .add("labels", labels)
            .add("summary", rule.summary());
    if (rule.clearThreshold() != null) {
      out.add("clear_threshold", rule.clearThreshold());
    }
    return out.build().toString();
  }

  private static String defaultSummary(String type, String metric) {
    return switch (type) {
      case AlertRule.NO_DATA -> "{{agent_id}} sends no data";
      case AlertRule.PREDICT_FULL -> "{{instance}} on {{agent_id}} predicted full in {{value}} s";
      default ->
          metric.indexOf('*') < 0
              ? "{{rule}} on {{agent_id}}: {{value}}"
              : "{{rule}} on {{agent_id}} {{instance}}: {{value}}";
    };
  }

  private static boolean wrongSide(String op, double threshold, double clear) {
    return op.startsWith(">") ? clear > threshold : clear < threshold;
  }

  private static List<String> agents(JsonObject json) {
    if (!json.containsKey("agents") || isNull(json, "agents")) {
      return List.of("*");
    }
    if (json.get("agents").getValueType() != JsonValue.ValueType.ARRAY) {
      throw bad("agents", "must be an array of agent id patterns");
    }
    JsonArray array = json.getJsonArray("agents");
    List<String> agents = new ArrayList<>();
    for (JsonValue v : array) {
      if (v.getValueType() != JsonValue.ValueType.STRING
          || !AGENT_PATTERN.matcher(((JsonString) v).getString()).matches()) {
        throw bad("agents", "each entry an agent id or a pattern with *");
      }
      agents.add(((JsonString) v).getString());
    }
    if (agents.isEmpty() || agents.size() > 100) {
      throw bad("agents", "1-100 patterns");
    }
    return List.copyOf(agents);
  }

  private static Map<String, String> labels(JsonObject json) {
    if (!json.containsKey("labels") || isNull(json, "labels")) {
      return Map.of();
    }
    if (json.get("labels").getValueType() != JsonValue.ValueType.OBJECT) {
      throw bad("labels", "must be an object of strings");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : json.getJsonObject("labels").entrySet()) {
      if (!LABEL.matcher(e.getKey()).matches()
          || e.getValue().getValueType() != JsonValue.ValueType.STRING) {
        throw bad("labels", "names [A-Za-z_][A-Za-z0-9_]*, string values");
      }
      labels.put(e.getKey(), ((JsonString) e.getValue()).getString());
    }
    if (labels.size() > 20) {
      throw bad("labels", "at most 20");
    }
    return java.util.Collections.unmodifiableMap(labels);
  }

  private static boolean isNull(JsonObject json, String field) {
    return json.get(field).getValueType() == JsonValue.ValueType.NULL;
  }

  private static String text(JsonObject json, String field, String fallback) {
    if (!json.containsKey(field) || isNull(json, field)) {
      if (fallback == null) {
        throw bad(field, "required");
      }
      return fallback;
    }
    if (json.get(field).getValueType() != JsonValue.ValueType.STRING) {
      throw bad(field, "must be a string");
    }
    return json.getString(field);
  }

  private static String oneOf(JsonObject json, String field, String fallback, Set<String> allowed) {
    String value = text(json, field, fallback);
    if (!allowed.contains(value)) {
      throw bad(field, "one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
    }
    return value;
  }

  private static double number(JsonObject json, String field, Double fallback) {
    if (!json.containsKey(field) || isNull(json, field)) {
      if (fallback == null) {
        throw bad(field, "required");
      }
      return fallback;
    }
    if (json.get(field).getValueType() != JsonValue.ValueType.NUMBER) {
      throw bad(field, "must be a number");
    }
    return ((JsonNumber) json.get(field)).doubleValue();
  }

  private static int seconds(JsonObject json, String field, int fallback, int min) {
    double value = number(json, field, (double) fallback);
    if (value != Math.rint(value) || value < min || value > MAX_SECONDS) {
      throw bad(field, "whole seconds, " + min + " to " + MAX_SECONDS);
    }
    return (int) value;
  }

  private static DomainException bad(String field, String why) {
    return DomainException.badRequest(field + ": " + why);
  }
}
