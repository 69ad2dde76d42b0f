package io.nodelink.metrics.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.agents.AgentForgotten;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.config.ServerConfig.IngestQuotas;
import io.nodelink.metrics.testkit.logging.WarningLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestQuotaTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong nanos = new AtomicLong();
  private final List<Quota> throttled = new CopyOnWriteArrayList<>();
  private final WarningLog log = WarningLog.of(IngestQuota.class);
  private final List<LogRecord> warnings = log.records();

  @AfterEach
  void removeHandler() {
    log.close();
  }

  private IngestQuota quota(IngestQuotas limits) {
    return new IngestQuota(
        limits,
        nanos::get,
        new IngestListener() {
          @Override
          public void metricsReceived(MetricsReceived event) {}

          @Override
          public void throttled(String agentId, Quota quota) {
            throttled.add(quota);
          }
        });
  }

  @Test
  void theDefaultsTakeARealAgentsWholeBufferReplayAtOnce() {
    // The agent's buffer: up to 600 snapshots (10 min at 1 s) and 16 MiB, sent as fast as the
    // server reads them; plus its system info with every package.
    IngestQuota quota = quota(ServerConfig.defaults().ingestQuotas());
    int snapshotBytes = (16 << 20) / 600;

    assertThat(quota.admit("a", 8 << 20)).isTrue();
    for (int i = 0; i < 600; i++) {
      assertThat(quota.admit("a", snapshotBytes)).as("buffered snapshot %d", i).isTrue();
    }
    for (int i = 0; i < 3600; i++) {
      nanos.addAndGet(SECOND);
      assertThat(quota.admit("a", snapshotBytes)).as("live snapshot %d", i).isTrue();
    }
    assertThat(throttled).isEmpty();
  }

  @Test
  void aFloodOfMessagesIsCutToTheBurstThenTheRate() {
    IngestQuota quota = quota(new IngestQuotas(10, 100, 0, 1));

    int admitted = count(quota, "flood", 1000, 10);
    nanos.addAndGet(SECOND);
    int afterOneSecond = count(quota, "flood", 1000, 10);

    assertThat(admitted).isEqualTo(100);
    assertThat(afterOneSecond).isEqualTo(10);
    assertThat(throttled).hasSize(1890).containsOnly(Quota.MESSAGES);
  }

  @Test
  void aFloodOfBytesIsCutToTheBurstThenTheRate() {
    IngestQuota quota = quota(new IngestQuotas(0, 1, 1000, 10_000));

    int admitted = count(quota, "big", 100, 1000);
    nanos.addAndGet(SECOND);
    int afterOneSecond = count(quota, "big", 100, 1000);

    assertThat(admitted).isEqualTo(10);
    assertThat(afterOneSecond).isEqualTo(1);
    assertThat(throttled).containsOnly(Quota.BYTES);
  }

  @Test
  void eachAgentHasItsOwnBuckets() {
    IngestQuota quota = quota(new IngestQuotas(10, 100, 0, 1));
    count(quota, "flood", 1000, 10);

    assertThat(count(quota, "quiet", 50, 10)).isEqualTo(50);
  }

  @Test
  void aRefusedMessageChargesNothing() {
    IngestQuota quota = quota(new IngestQuotas(10, 10, 1000, 1000));

    assertThat(quota.admit("a", 2000)).isFalse();

    assertThat(count(quota, "a", 10, 100)).isEqualTo(10);
  }

  @Test
  void theAgentIsWarnedAboutAtMostOnceAMinute() {
    IngestQuota quota = quota(new IngestQuotas(1, 1, 0, 1));
    count(quota, "flood", 100, 1);
    nanos.addAndGet(30 * SECOND);
    count(quota, "flood", 100, 1);
    assertThat(warnings).hasSize(1);

    nanos.addAndGet(31 * SECOND);
    count(quota, "flood", 100, 1);

    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(1).getParameters()).contains("flood", 198L);
    assertThat(warnings.get(0).getMessage()).contains("nodelink.ingest.throttled");
  }

  @Test
  void aForgottenAgentStartsWithFullBuckets() {
    IngestQuota quota = quota(new IngestQuotas(1, 5, 0, 1));
    count(quota, "a", 5, 1);
    assertThat(quota.admit("a", 1)).isFalse();

    quota.onAgentForgotten(new AgentForgotten("a"));

    assertThat(count(quota, "a", 10, 1)).isEqualTo(5);
  }

  @Test
  void ratesOfZeroSwitchTheQuotasOff() {
    IngestQuota quota = quota(new IngestQuotas(0, 1, 0, 1));

    assertThat(count(quota, "a", 10_000, 1 << 20)).isEqualTo(10_000);
  }

  private static int count(IngestQuota quota, String agentId, int messages, int bytes) {
    int admitted = 0;
    for (int i = 0; i < messages; i++) {
      if (quota.admit(agentId, bytes)) {
        admitted++;
      }
    }
    return admitted;
  }
}
