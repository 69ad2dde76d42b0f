package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.server.testing.MovableClock;
import java.util.List;
import java.util.Map;

/** A rule firing at once above 90 % CPU, and snapshots of an agent's CPU one second apart. */
final class CpuSnapshots {

  static final List<CompiledRule> HIGH_CPU =
      List.of(
          new CompiledRule(
              RuleJson.parse(
                  "{\"name\":\"HighCpu\",\"metric\":\"cpu.usage_percent\",\"agg\":\"last\","
                      + "\"threshold\":90}",
                  AlertRule.SOURCE_API)));

  private final MovableClock clock;

  CpuSnapshots(MovableClock clock) {
    this.clock = clock;
  }

  /** Evaluates one snapshot at {@code cpu} % against {@link #HIGH_CPU}, then a second passes. */
  void evaluate(AgentAlerts alerts, double cpu) {
    alerts.evaluate(
        new AlertValues(SeriesBatch.of(Map.of("cpu.usage_percent", cpu))),
        clock.instant().getEpochSecond(),
        HIGH_CPU,
        clock.instant());
    clock.advanceSeconds(1);
  }
}
