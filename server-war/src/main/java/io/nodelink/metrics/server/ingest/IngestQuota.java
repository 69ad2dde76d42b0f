package io.nodelink.metrics.server.ingest;

import io.nodelink.metrics.server.agents.AgentForgotten;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.config.ServerConfig.IngestQuotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Per-agent quotas on what an agent sends: messages and serialized bytes, each a token bucket with
 * a burst. The bursts hold a real agent's replay of its buffer after a reconnect (by default up to
 * 600 snapshots and 16 MiB); the rates are far above one snapshot a second. A message over either
 * quota is dropped and counted; the agent is logged at WARNING at most once a minute.
 */
@ApplicationScoped
public class IngestQuota {

  private static final Logger LOG = Logger.getLogger(IngestQuota.class.getName());
  private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final IngestQuotas limits;
  private final LongSupplier nanoTime;
  private final IngestListener listener;
  private final Map<String, AgentQuota> agents = new ConcurrentHashMap<>();

  @Inject
  public IngestQuota(ServerConfig config, CdiIngestListener listener) {
    this(config.ingestQuotas(), System::nanoTime, listener);
  }

  /**
   * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime} in the server)
   */
  public IngestQuota(IngestQuotas limits, LongSupplier nanoTime, IngestListener listener) {
    this.limits = limits;
    this.nanoTime = nanoTime;
    this.listener = listener;
  }

  /** For the CDI proxy only. */
  protected IngestQuota() {
    this(unlimitedQuotas(), System::nanoTime, IngestListener.NONE);
  }

  /** Quotas that never drop anything. */
  public static IngestQuota unlimited() {
    return new IngestQuota(unlimitedQuotas(), System::nanoTime, IngestListener.NONE);
  }

  private static IngestQuotas unlimitedQuotas() {
    return new IngestQuotas(0, 1, 0, 1);
  }

  /**
   * Whether a message of {@code bytes} serialized bytes from {@code agentId} is within its quotas;
   * if so it is charged to them, if not it is reported (metric, rate-limited WARNING).
   */
  public boolean admit(String agentId, int bytes) {
    if (limits.messagesPerSecond() == 0 && limits.bytesPerSecond() == 0) {
      return true;
    }
    AgentQuota quota = agents.computeIfAbsent(agentId, id -> new AgentQuota(nanoTime.getAsLong()));
    Quota exceeded = quota.take(bytes, nanoTime.getAsLong());
    if (exceeded == null) {
      return true;
    }
    listener.throttled(agentId, exceeded);
    long dropped = quota.droppedIfWarningDue(nanoTime.getAsLong());
    if (dropped > 0) {
      LOG.log(
          Level.WARNING,
          "Agent {0} exceeds its ingest quota ({1}): {2} message(s) dropped since the last"
              + " warning; logged at most once a minute (metric nodelink.ingest.throttled)",
          new Object[] {agentId, describe(exceeded), dropped});
    }
    return false;
  }

  /** An agent forgotten and back later starts with full buckets. */
  void onAgentForgotten(@Observes AgentForgotten event) {
    agents.remove(event.agentId());
  }

  private String describe(Quota quota) {
    return switch (quota) {
      case MESSAGES ->
          limits.messagesPerSecond()
              + " messages/s, burst "
              + limits.messagesBurst()
              + ", nodelink.ingest.max-messages-per-second";
      case BYTES ->
          limits.bytesPerSecond()
              + " bytes/s, burst "
              + limits.bytesBurst()
              + ", nodelink.ingest.max-bytes-per-second";
    };
  }

  /** The buckets of one agent and its warning state. */
  private final class AgentQuota {
    private final TokenBucket messages;
    private final TokenBucket bytes;
    private long lastWarningNanos;
    private boolean warned;
    private long droppedSinceWarning;

    AgentQuota(long nowNanos) {
      messages = bucket(limits.messagesPerSecond(), limits.messagesBurst(), nowNanos);
      bytes = bucket(limits.bytesPerSecond(), limits.bytesBurst(), nowNanos);
    }

    private static TokenBucket bucket(long perSecond, long burst, long nowNanos) {
      return perSecond == 0 ? null : new TokenBucket(perSecond, burst, nowNanos);
    }

    /** Charges one message of {@code size} bytes, or says which quota it exceeds. */
    synchronized Quota take(int size, long nowNanos) {
      if (messages != null && !messages.has(1, nowNanos)) {
        droppedSinceWarning++;
        return Quota.MESSAGES;
      }
      if (bytes != null && !bytes.has(size, nowNanos)) {
        droppedSinceWarning++;
        return Quota.BYTES;
      }
      if (messages != null) {
        messages.take(1);
      }
      if (bytes != null) {
        bytes.take(size);
      }
      return null;
    }

    /** The messages dropped since the last warning if one is due now (and resets), else 0. */
    synchronized long droppedIfWarningDue(long nowNanos) {
      if (warned && nowNanos - lastWarningNanos < WARN_EVERY_NANOS) {
        return 0;
      }
      warned = true;
      lastWarningNanos = nowNanos;
      long dropped = droppedSinceWarning;
      droppedSinceWarning = 0;
      return dropped;
    }
  }
}
