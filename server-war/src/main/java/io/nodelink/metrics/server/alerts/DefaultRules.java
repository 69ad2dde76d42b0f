package io.nodelink.metrics.server.alerts;

import java.util.List;
import java.util.Map;

/**
 * The default rule pack, on unless {@code nodelink.alerts.default-rules=false}: what every fleet
 * wants told before anyone writes a rule. Read-only through the API; a rule of the API or the rules
 * file with the same name takes its place.
 */
public final class DefaultRules {

  private DefaultRules() {}

  public static List<AlertRule> all() {
    return List.of(
        rule(
            "AgentDown",
            AlertRule.NO_DATA,
            "",
            "last",
            0,
            ">",
            0,
            null,
            60,
            "critical",
            "{{agent_id}} sent no data for 60 s (offline or silent)"),
        rule(
            "HighCpu",
            AlertRule.THRESHOLD,
            "cpu.usage_percent",
            "avg",
            60,
            ">",
            90,
            80.0,
            300,
            "warning",
            "CPU {{value}}% on {{agent_id}}"),
        rule(
            "HighMemory",
            AlertRule.THRESHOLD,
            "memory.usage_percent",
            "avg",
            60,
            ">",
            90,
            85.0,
            300,
            "warning",
            "Memory {{value}}% used on {{agent_id}}"),
        rule(
            "DiskAlmostFull",
            AlertRule.THRESHOLD,
            "disk.*.usage_percent",
            "last",
            0,
            ">",
            90,
            88.0,
            60,
            "warning",
            "Disk {{instance}} {{value}}% full on {{agent_id}}"),
        rule(
            "DiskFull",
            AlertRule.THRESHOLD,
            "disk.*.usage_percent",
            "last",
            0,
            ">",
            95,
            93.0,
            60,
            "critical",
            "Disk {{instance}} {{value}}% full on {{agent_id}}"),
        rule(
            "DiskFullIn24h",
            AlertRule.PREDICT_FULL,
            "disk.*.usage_percent",
            "last",
            21600,
            "<",
            86400,
            null,
            600,
            "warning",
            "Disk {{instance}} on {{agent_id}} predicted full in {{value}} s"),
        rule(
            "HighLoad",
            AlertRule.THRESHOLD,
            AlertValues.LOAD1_PER_CORE,
            "avg",
            300,
            ">",
            2,
            1.5,
            900,
            "warning",
            "Load {{value}} per core on {{agent_id}}"),
        rule(
            "HighSwap",
            AlertRule.THRESHOLD,
            "memory.swap_usage_percent",
            "avg",
            60,
            ">",
            80,
            70.0,
            600,
            "warning",
            "Swap {{value}}% used on {{agent_id}}"));
  }

  @SuppressWarnings("checkstyle:ParameterNumber")
  private static AlertRule rule(
      String name,
      String type,
      String metric,
      String agg,
      int over,
      String op,
      double threshold,
      Double clear,
      int forSeconds,
      String severity,
      String summary) {
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
        List.of("*"),
        Map.of(),
        summary,
        AlertRule.SOURCE_DEFAULT);
  }
}
