package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.view.AlertDto;
import io.nodelink.metrics.server.view.AlertEventDto;
import io.nodelink.metrics.server.view.AlertHistoryDto;
import io.nodelink.metrics.server.view.AlertsDto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of the whole cluster. Each server evaluates the agents connected to it (and one of
 * them the offline ones), so its active alerts and its alert log hold those agents' alone; these
 * add what the other servers hold ({@link PeerQueries}), so any server answers for the fleet.
 */
@ApplicationScoped
public class ClusterAlerts {

  private static final Comparator<AlertEventDto> NEWEST_FIRST =
      Comparator.comparing((AlertEventDto e) -> Instant.parse(e.at()))
          .reversed()
          .thenComparing(AlertEventDto::id);

  @Inject PeerQueries peers;

  /**
   * {@code local} followed by the other servers' active alerts for the same query ({@code
   * /alerts?...}), each alert once: while an agent moves between servers both may briefly hold it,
   * and this server's own copy is kept.
   */
  public List<AlertDto> active(
      List<AlertDto> local, String pathAndQuery, Map<String, String> credentials) {
    Map<List<String>, AlertDto> byKey = new LinkedHashMap<>();
    local.forEach(alert -> byKey.putIfAbsent(key(alert), alert));
    for (AlertsDto other : peers.askOthers(pathAndQuery, AlertsDto.class, credentials)) {
      if (other.alerts() != null) {
        other.alerts().forEach(alert -> byKey.putIfAbsent(key(alert), alert));
      }
    }
    return new ArrayList<>(byKey.values());
  }

  /**
   * {@code local} and the other servers' alert log for the same query ({@code /alerts/history?...},
   * asking each for its newest events from the first on), newest first, each event once: a server
   * loads the shared log when it starts, so it holds other servers' older events too.
   */
  public List<AlertEventDto> history(
      List<AlertEventDto> local, String pathAndQuery, Map<String, String> credentials) {
    Map<String, AlertEventDto> byId = new LinkedHashMap<>();
    local.forEach(event -> byId.putIfAbsent(event.id(), event));
    for (AlertHistoryDto other :
        peers.askOthers(pathAndQuery, AlertHistoryDto.class, credentials)) {
      if (other.events() != null) {
        other.events().forEach(event -> byId.putIfAbsent(event.id(), event));
      }
    }
    List<AlertEventDto> merged = new ArrayList<>(byId.values());
    merged.sort(NEWEST_FIRST);
    return merged;
  }

  private static List<String> key(AlertDto alert) {
    return List.of(alert.rule(), alert.agentId(), alert.instance());
  }
}
