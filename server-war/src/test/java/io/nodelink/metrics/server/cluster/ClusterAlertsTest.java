package io.nodelink.metrics.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.view.AlertDto;
import io.nodelink.metrics.server.view.AlertEventDto;
import io.nodelink.metrics.server.view.AlertHistoryDto;
import io.nodelink.metrics.server.view.AlertsDto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How one server's alerts and the other servers' answers make the cluster's. */
class ClusterAlertsTest {

  @Test
  void activeAlertsOfOtherServersFollowThisServersAndEachAlertIsListedOnce() {
    AlertDto mine = alert("HighCpu", "a1", "firing", "2026-12-02T05:00:00Z");
    AlertDto handedOver = alert("HighCpu", "a1", "pending", "");
    AlertDto theirs = alert("DiskFull", "b1", "firing", "2026-12-02T04:00:00Z");
    ClusterAlerts alerts = withPeersAnswering(new AlertsDto(List.of(handedOver, theirs)));

    List<AlertDto> merged = alerts.active(List.of(mine), "/alerts", Map.of());

    assertThat(merged).containsExactly(mine, theirs);
  }

  @Test
  void alertLogsMergeNewestFirstWithEachEventOnce() {
    AlertEventDto older = event("e1", "2026-12-02T05:00:00Z");
    AlertEventDto newer = event("e2", "2026-12-02T05:00:01.5Z");
    AlertEventDto newest = event("e3", "2026-12-02T05:00:02Z");
    ClusterAlerts alerts =
        withPeersAnswering(new AlertHistoryDto(List.of(newest, older), 0, 100, -1));

    List<AlertEventDto> merged = alerts.history(List.of(newer, older), "/alerts/history", Map.of());

    assertThat(merged).containsExactly(newest, newer, older);
  }

  @Test
  void withoutOtherServersTheAnswerIsThisServersOwn() {
    AlertDto mine = alert("HighCpu", "a1", "firing", "2026-12-02T05:00:00Z");
    ClusterAlerts alerts = withPeersAnswering(null);

    assertThat(alerts.active(List.of(mine), "/alerts", Map.of())).containsExactly(mine);
  }

  /** Other servers that all answer {@code answer} (none when null), whatever the type asked. */
  private static ClusterAlerts withPeersAnswering(Object answer) {
    ClusterAlerts alerts = new ClusterAlerts();
    alerts.peers =
        new PeerQueries() {
          @Override
          public <T> List<T> askOthers(
              String pathAndQuery, Class<T> type, Map<String, String> credentials) {
            return type.isInstance(answer) ? List.of(type.cast(answer)) : List.of();
          }
        };
    return alerts;
  }

  private static AlertDto alert(String rule, String agentId, String state, String firingSince) {
    return new AlertDto(
        rule,
        agentId,
        "",
        state,
        "warning",
        1.0,
        "2026-12-02T04:59:00Z",
        firingSince,
        "",
        rule + " on " + agentId,
        Map.of(),
        false);
  }

  private static AlertEventDto event(String id, String at) {
    return new AlertEventDto(id, at, "HighCpu", "a1", "", "pending", "firing", "warning", 1.0, "");
  }
}
