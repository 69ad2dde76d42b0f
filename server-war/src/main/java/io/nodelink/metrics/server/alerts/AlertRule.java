package io.nodelink.metrics.server.alerts;

import java.util.List;
import java.util.Map;

/**
 * One alert rule, as the API shows it ({@code docs/rest-api.md}, "Alerts").
 *
 * @param name unique; {@code [A-Za-z0-9._-]{1,64}}
 * @param type {@code threshold}, {@code no_data} or {@code predict_full}
 * @param metric a history series name, {@code *} standing for one instance segment (threshold and
 *     predict_full); "" for no_data
 * @param agg {@code avg}, {@code min}, {@code max} or {@code last} over {@code overSeconds}
 * @param overSeconds the window the value is aggregated over (predict_full: the fit window)
 * @param op {@code >}, {@code >=}, {@code <} or {@code <=}
 * @param threshold the value that starts the alert (predict_full: seconds until full)
 * @param clearThreshold the value that ends it (hysteresis); null = the threshold itself
 * @param forSeconds how long the condition must hold before pending becomes firing (no_data: how
 *     long the agent is silent)
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param agents agent id patterns ({@code *} any characters)
 * @param labels extra labels for notifications
 * @param summary text with {@code {{value}}}, {@code {{agent_id}}}, {@code {{instance}}}
 * @param source {@code api}, {@code file} or {@code default}; only {@code api} rules may be changed
 *     through the API
 */
public record AlertRule(
    String name,
    String type,
    String metric,
    String agg,
    int overSeconds,
    String op,
    double threshold,
    Double clearThreshold,
    int forSeconds,
    String severity,
    List<String> agents,
    Map<String, String> labels,
    String summary,
    String source) {

  public static final String THRESHOLD = "threshold";
  public static final String NO_DATA = "no_data";
  public static final String PREDICT_FULL = "predict_full";

  public static final String SOURCE_API = "api";
  public static final String SOURCE_FILE = "file";
  public static final String SOURCE_DEFAULT = "default";

  /** Whether the API may change or delete it. */
  public boolean readOnly() {
    return !SOURCE_API.equals(source);
  }

  public AlertRule withSource(String newSource) {
    return new AlertRule(
        name,
        type,
        metric,
        agg,
        overSeconds,
        op,
        threshold,
        clearThreshold,
        forSeconds,
        severity,
        agents,
        labels,
        summary,
        newSource);
  }

  /** The summary with its placeholders filled in. */
  public String summaryFor(String agentId, String instance, double value) {
    return summary
        .replace("{{value}}", formatted(value))
        .replace("{{agent_id}}", agentId)
        .replace("{{instance}}", instance)
        .replace("{{rule}}", name);
  }

  private static String formatted(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value)
        : String.format(java.util.Locale.ROOT, "%.1f", value);
  }
}
