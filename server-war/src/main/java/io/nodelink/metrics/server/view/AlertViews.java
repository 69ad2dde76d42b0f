package io.nodelink.metrics.server.view;

import io.nodelink.metrics.server.alerts.Alert;
import io.nodelink.metrics.server.alerts.AlertRule;
import io.nodelink.metrics.server.alerts.AlertTransition;
import io.nodelink.metrics.server.alerts.Silence;
import java.time.Instant;

/** Alerting's JSON views. */
public final class AlertViews {

  private AlertViews() {}

  public static AlertDto alert(Alert a, boolean silenced) {
    return new AlertDto(
        a.key().rule(),
        a.key().agentId(),
        a.key().instance(),
        a.state().json(),
        a.severity(),
        finite(a.value()),
        DtoMapper.rfc3339(a.activeSince()),
        DtoMapper.rfc3339(a.firingSince()),
        DtoMapper.rfc3339(a.endedAt()),
        a.summary(),
        a.labels(),
        silenced);
  }

  public static AlertEventDto event(AlertTransition t) {
    return new AlertEventDto(
        t.id(),
        millis(t.at()),
        t.key().rule(),
        t.key().agentId(),
        t.key().instance(),
        t.from().json(),
        t.to().json(),
        t.severity(),
        finite(t.value()),
        t.summary());
  }

  public static AlertRuleDto rule(AlertRule r) {
    return new AlertRuleDto(
        r.name(),
        r.type(),
        r.metric(),
        r.agg(),
        r.overSeconds(),
        r.op(),
        r.threshold(),
        r.clearThreshold(),
        r.forSeconds(),
        r.severity(),
        r.agents(),
        r.labels(),
        r.summary(),
        r.source(),
        r.readOnly());
  }

  public static SilenceDto silence(Silence s) {
    return new SilenceDto(
        s.id(),
        s.matchers(),
        DtoMapper.rfc3339(s.startsAt()),
        DtoMapper.rfc3339(s.until()),
        s.createdBy(),
        s.comment());
  }

  /** JSON has no NaN or infinity: null instead. */
  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static String millis(Instant at) {
    return at == null ? "" : at.toString();
  }
}
