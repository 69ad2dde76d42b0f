package io.nodelink.metrics.server.ingest;

import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.server.agents.AgentForgotten;
import io.nodelink.metrics.server.config.ServerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the {@link SnapshotSanitizer} on what an agent sends, against the server clock, and reports
 * what it changed: every time to the {@link IngestListener} (the metric), once per agent and cause
 * as a WARNING, so a broken agent sending each second does not flood the log.
 */
@ApplicationScoped
public class IngestGuard {

  private static final Logger LOG = Logger.getLogger(IngestGuard.class.getName());

  private final SnapshotSanitizer sanitizer;
  private final Clock clock;
  private final IngestListener listener;
  private final Map<String, Set<SanitizeCause>> warned = new ConcurrentHashMap<>();

  @Inject
  public IngestGuard(ServerConfig config, Clock clock, CdiIngestListener listener) {
    this(sanitizer(config), clock, listener);
  }

  public IngestGuard(SnapshotSanitizer sanitizer, Clock clock, IngestListener listener) {
    this.sanitizer = sanitizer;
    this.clock = clock;
    this.listener = listener;
  }

  /** For the CDI proxy only. */
  protected IngestGuard() {
    this(null, Clock.systemUTC(), IngestListener.NONE);
  }

  /** The sanitiser the configuration asks for. */
  public static SnapshotSanitizer sanitizer(ServerConfig config) {
    return new SnapshotSanitizer(
        config.ingestMaxFuture().toSeconds(),
        config.historyRetention().toSeconds(),
        config.ingestMaxPackages(),
        config.ingestMaxListSize());
  }

  /** The snapshot made safe to store (or dropped); reports what was changed. */
  public SanitizedSnapshot snapshot(String agentId, MetricsDataResponse data) {
    SanitizedSnapshot clean = sanitizer.sanitize(data, clock.instant().getEpochSecond());
    report(agentId, clean.causes());
    return clean;
  }

  /** The system info made safe to store; reports what was changed. */
  public SystemInfoResponse systemInfo(String agentId, SystemInfoResponse info) {
    Set<SanitizeCause> causes = EnumSet.noneOf(SanitizeCause.class);
    SystemInfoResponse clean = sanitizer.sanitize(info, causes);
    report(agentId, causes);
    return clean;
  }

  /** An agent forgotten and back later is warned about again. */
  void onAgentForgotten(@Observes AgentForgotten event) {
    warned.remove(event.agentId());
  }

  private void report(String agentId, Set<SanitizeCause> causes) {
    for (SanitizeCause cause : causes) {
      listener.sanitized(agentId, cause);
      if (warned.computeIfAbsent(agentId, id -> ConcurrentHashMap.newKeySet()).add(cause)) {
        LOG.log(
            Level.WARNING,
            "Agent {0} sent {1}; logged once per agent (metric nodelink.ingest.sanitized)",
            new Object[] {agentId, describe(cause)});
      }
    }
  }

  private static String describe(SanitizeCause cause) {
    return switch (cause) {
      case NON_FINITE -> "NaN or infinite values: stored as 0, left out of the history";
      case STRING ->
          "strings with control characters or over "
              + SnapshotSanitizer.MAX_STRING_BYTES
              + " bytes: stripped and truncated";
      case PACKAGES ->
          "more installed packages than nodelink.ingest.max-packages: the rest dropped";
      case LIST ->
          "a list (disks, interfaces, cores, addresses, ...) longer than"
              + " nodelink.ingest.max-list-size: the rest dropped";
      case TIMESTAMP ->
          "a timestamp outside the window around the server clock (nodelink.ingest.max-future,"
              + " nodelink.history.retention): a live snapshot clamped to the receive time, a"
              + " buffered one dropped";
    };
  }
}
