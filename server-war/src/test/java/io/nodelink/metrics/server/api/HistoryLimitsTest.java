package io.nodelink.metrics.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.MaintenanceReport;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.SimpleHistoryStore;
import io.nodelink.metrics.server.api.errors.DomainExceptionMapper;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.ingest.IngestListener;
import io.nodelink.metrics.server.testing.FakeChannel;
import io.nodelink.metrics.server.testing.MovableClock;
import io.nodelink.metrics.server.testing.ServerGraph;
import io.nodelink.metrics.server.view.ErrorDto;
import io.nodelink.metrics.server.view.HistoryDto;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cost limits of {@code GET /agents/{id}/metrics/history}, through the resource. */
class HistoryLimitsTest {

  private static final long NOW = 1_800_000_000L;

  private final MovableClock clock = new MovableClock(Instant.ofEpochSecond(NOW));
  private final ServerGraph server = new ServerGraph(clock, false, IngestListener.NONE);
  private final BlockingHistory history = new BlockingHistory();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseQueries() {
    release.countDown();
  }

  private AgentResource resource(Map<String, String> config) {
    ServerConfig settings = new ServerConfig(key -> Optional.ofNullable(config.get(key)));
    AgentResource resource = new AgentResource();
    resource.agents = server.agents;
    resource.history = history;
    resource.clock = clock;
    resource.config = settings;
    resource.historyQueries = new HistoryQueryLimiter(settings);
    server.agents.connect(new FakeChannel("a"));
    for (int i = 0; i < 5; i++) {
      history.append("a", "s" + i, NOW - 10, i);
    }
    return resource;
  }

  @Test
  void seriesTimesMaxPointsOverTheLimitIs400NamingIt() {
    AgentResource resource = resource(Map.of(ServerConfig.HISTORY_MAX_VALUES, "2000"));

    assertThat(query(resource, "s0,s1", "1000").dataPoints()).isNotEmpty();
    assertThatThrownBy(() -> query(resource, "s0,s1,s2", "1000"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.BAD_REQUEST);
              assertThat(e.getMessage()).contains("3000", "2000", "nodelink.history.max-values");
            });
    assertThat(history.queries).as("refused before it ran").hasValue(1);
  }

  @Test
  void anEmptyMetricsListCountsEverySeriesOfTheAgent() {
    AgentResource resource = resource(Map.of(ServerConfig.HISTORY_MAX_VALUES, "4000"));

    assertThatThrownBy(() -> query(resource, null, "1000"))
        .hasMessageContaining("5 series x max_points 1000");
    assertThat(query(resource, "", "800").dataPoints()).isNotEmpty();
  }

  @Test
  void queriesBeyondTheConcurrencyLimitAre503WithRetryAfter() throws Exception {
    AgentResource resource = resource(Map.of(ServerConfig.HISTORY_MAX_CONCURRENT_QUERIES, "2"));
    history.block = release;
    CompletableFuture<HistoryDto> first =
        CompletableFuture.supplyAsync(() -> query(resource, "s0", "10"));
    CompletableFuture<HistoryDto> second =
        CompletableFuture.supplyAsync(() -> query(resource, "s1", "10"));
    await().until(() -> history.running.get() == 2);

    DomainException refused = catchDomain(() -> query(resource, "s2", "10"));
    Response response = new DomainExceptionMapper().toResponse(refused);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
    assertThat(((ErrorDto) response.getEntity()).error())
        .contains("nodelink.history.max-concurrent-queries");
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    second.get(10, TimeUnit.SECONDS);
    assertThat(query(resource, "s2", "10").dataPoints()).isNotEmpty();
  }

  private static HistoryDto query(AgentResource resource, String metrics, String maxPoints) {
    return resource.history("a", metrics, String.valueOf(NOW - 60), null, null, maxPoints, null);
  }

  private static DomainException catchDomain(Runnable call) {
    try {
      call.run();
    } catch (DomainException e) {
      return e;
    }
    throw new AssertionError("no DomainException");
  }

  /** The reference history, whose queries wait for {@link #block} when it is set. */
  private static final class BlockingHistory implements HistoryStore {
    private final SimpleHistoryStore delegate = new SimpleHistoryStore();
    final AtomicInteger queries = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    volatile CountDownLatch block;

    @Override
    public void append(String agentId, String series, long timestampSeconds, double value) {
      delegate.append(agentId, series, timestampSeconds, value);
    }

    @Override
    public HistoryResult query(String agentId, RangeQuery query) {
      queries.incrementAndGet();
      running.incrementAndGet();
      try {
        CountDownLatch latch = block;
        if (latch != null) {
          latch.await(30, TimeUnit.SECONDS);
        }
        return delegate.query(agentId, query);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        running.decrementAndGet();
      }
    }

    @Override
    public Set<String> seriesOf(String agentId) {
      return delegate.seriesOf(agentId);
    }

    @Override
    public void removeAgent(String agentId) {
      delegate.removeAgent(agentId);
    }

    @Override
    public MaintenanceReport maintain(long nowSeconds) {
      return delegate.maintain(nowSeconds);
    }

    @Override
    public long sizeBytes() {
      return delegate.sizeBytes();
    }

    @Override
    public long valueCount() {
      return delegate.valueCount();
    }
  }
}
