package it.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.contract.ContractSeries;
import io.nodelink.metrics.testkit.contract.ContractShapes;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import it.support.Agents;
import it.support.Api;
import it.support.ApiResponse;
import it.support.Contract;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /agents/{id}/metrics/history} on a known data set: one agent sends {@value #POINTS}
 * snapshots, one per second, stamped {@code base + i} with {@code cpu.usage_percent = i}, where
 * {@code base} is a multiple of 60 a few minutes back (well inside the retention).
 */
class HistoryIT {

  private static final int POINTS = 120;
  private static final String CPU = "cpu.usage_percent";

  private static TestAgent agent;
  private static String id;
  private static long base;

  @BeforeAll
  static void sendKnownHistory() {
    id = TestAgent.uniqueId("history");
    agent = TestAgent.builder(id).autoData(false).connect();
    Agents.awaitOnline(id);
    Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"));
    agent.awaitStreaming();
    base = (Snapshots.nowSeconds() - 600) / 60 * 60;
    for (int i = 0; i < POINTS; i++) {
      agent.sendData(Snapshots.sample(base + i, i));
    }
    await("all " + POINTS + " points stored")
        .atMost(TestAgent.TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(
                        history("metrics=" + CPU + range(0, POINTS - 1))
                            .path("total_points")
                            .asInt())
                    .isEqualTo(POINTS));
    Contract.assertOk(Api.post("/agents/" + id + "/metrics/stop", null));
  }

  @AfterAll
  static void closeAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void rawPointsComeBackAscendingWithTheirValues() {
    JsonNode history = history("metrics=" + CPU + range(0, POINTS - 1));

    ContractShapes.HISTORY.assertMatches(history, "History");
    assertThat(history.path("agent_id").asText()).isEqualTo(id);
    assertThat(history.path("interval_seconds").asLong()).as("raw").isZero();
    assertThat(history.path("truncated").asBoolean()).isFalse();
    assertThat(history.path("query_start_timestamp").asLong()).isEqualTo(base);
    assertThat(history.path("query_end_timestamp").asLong()).isEqualTo(base + POINTS - 1);
    JsonNode points = history.path("data_points");
    assertThat(points.size()).isEqualTo(POINTS);
    assertThat(history.path("total_points").asInt()).isEqualTo(points.size());
    for (int i = 0; i < POINTS; i++) {
      assertThat(points.get(i).path("timestamp").asLong()).isEqualTo(base + i);
      assertThat(points.get(i).path("values").path(CPU).asDouble()).isEqualTo(i);
    }
  }

  @Test
  void rangeSelectsInclusiveBounds() {
    JsonNode points = history("metrics=" + CPU + range(10, 19)).path("data_points");

    assertThat(timestamps(points)).containsExactlyElementsOf(seconds(10, 19, 1));
  }

  @Test
  void bucketsAreAlignedMeans() {
    JsonNode history = history("metrics=" + CPU + range(0, POINTS - 1) + "&interval=10");

    assertThat(history.path("interval_seconds").asLong()).isEqualTo(10);
    assertThat(history.path("truncated").asBoolean()).isFalse();
    JsonNode points = history.path("data_points");
    assertThat(points.size()).isEqualTo(12);
    for (int k = 0; k < 12; k++) {
      assertThat(points.get(k).path("timestamp").asLong()).isEqualTo(base + 10L * k);
      assertThat(points.get(k).path("values").path(CPU).asDouble()).isEqualTo(10.0 * k + 4.5);
    }
  }

  @Test
  void bucketsStayAlignedWhenTheRangeStartsMidBucket() {
    JsonNode points = history("metrics=" + CPU + range(5, 34) + "&interval=10").path("data_points");

    assertThat(timestamps(points)).allSatisfy(t -> assertThat(t % 10).isZero());
    assertThat(timestamps(points)).containsExactly(base, base + 10, base + 20, base + 30);
    assertThat(points.get(0).path("values").path(CPU).asDouble())
        .as("first bucket holds only the points inside the range: 5..9")
        .isEqualTo(7.0);
    assertThat(points.get(3).path("values").path(CPU).asDouble())
        .as("last bucket holds only 30..34")
        .isEqualTo(32.0);
  }

  @Test
  void tooManyRawPointsWidenTheIntervalAndKeepTheNewest() {
    JsonNode history = history("metrics=" + CPU + range(0, POINTS - 1) + "&max_points=10");

    assertWidenedToFit(history, 10);
  }

  @Test
  void tooManyBucketsWidenTheIntervalAndKeepTheNewest() {
    JsonNode history =
        history("metrics=" + CPU + range(0, POINTS - 1) + "&interval=10&max_points=5");

    long width = assertWidenedToFit(history, 5);
    assertThat(width).isGreaterThan(10);
  }

  @Test
  void aggregationMaxMinAndLast() {
    String query = "metrics=" + CPU + range(0, POINTS - 1) + "&interval=10&agg=";

    JsonNode max = history(query + "max").path("data_points");
    JsonNode min = history(query + "min").path("data_points");
    JsonNode last = history(query + "last").path("data_points");
    JsonNode avg = history(query + "avg").path("data_points");

    for (int k = 0; k < 12; k++) {
      assertThat(max.get(k).path("values").path(CPU).asDouble()).isEqualTo(10.0 * k + 9);
      assertThat(min.get(k).path("values").path(CPU).asDouble()).isEqualTo(10.0 * k);
      assertThat(last.get(k).path("values").path(CPU).asDouble()).isEqualTo(10.0 * k + 9);
      assertThat(avg.get(k).path("values").path(CPU).asDouble()).isEqualTo(10.0 * k + 4.5);
    }
  }

  @Test
  void seriesFilterReturnsOnlyTheAskedSeries() {
    JsonNode points =
        history("metrics=cpu.usage_percent,memory.usage_percent" + range(0, 9)).path("data_points");

    assertThat(points.size()).isEqualTo(10);
    points.forEach(
        point -> {
          List<String> names = new ArrayList<>();
          point.path("values").fieldNames().forEachRemaining(names::add);
          assertThat(names).containsExactlyInAnyOrder("cpu.usage_percent", "memory.usage_percent");
          assertThat(point.path("values").path("memory.usage_percent").asDouble()).isEqualTo(50.0);
        });
  }

  @Test
  void withoutFilterEverySeriesOfTheContractIsThereWithDerivedValues() {
    JsonNode point = history(range(7, 7).substring(1)).path("data_points").get(0);
    JsonNode values = point.path("values");

    assertThat(names(values))
        .containsAll(ContractSeries.HOST_SERIES)
        .containsAll(ContractSeries.SAMPLE_INSTANCE_SERIES);
    assertThat(values.path("cpu.usage_percent").asDouble()).isEqualTo(7.0);
    assertThat(values.path("disk.usage_percent").asDouble()).as("used/total").isEqualTo(40.0);
    assertThat(values.path("memory.total_bytes").asDouble()).isEqualTo(16.0 * (1L << 30));
    assertThat(values.path("processes.total").asDouble()).isEqualTo(200.0);
    assertThat(values.path("processes.zombie").asDouble()).isEqualTo(1.0);
    assertThat(values.path("network.bytes_recv_per_sec").asDouble()).isEqualTo(3000.0);
    assertThat(values.path("disk.write_bytes_per_sec").asDouble()).isEqualTo(2000.0);
    assertThat(values.path("load.load15").asDouble()).isEqualTo(0.3);
    assertThat(values.path("cpu.core1.usage_percent").asDouble()).isEqualTo(3.5);
  }

  @Test
  void seriesEndpointListsTheSeriesOfTheAgent() {
    JsonNode series = Contract.assertOk(Api.get("/agents/" + id + "/metrics/series"));

    List<String> names = new ArrayList<>();
    JsonNode list = series.isArray() ? series : series.path("series");
    assertThat(list.isArray()).as("a list of series names: %s", series).isTrue();
    list.forEach(name -> names.add(name.asText()));
    assertThat(names).contains(CPU, "memory.usage_percent", "disk.sda1.usage_percent");
    Contract.assertError(
        Api.get("/agents/" + TestAgent.uniqueId("nobody") + "/metrics/series"), 404);
  }

  @Test
  void defaultsCoverEverythingKeptUpToNow() {
    long before = Snapshots.nowSeconds();
    JsonNode history = history("metrics=" + CPU);

    assertThat(history.path("data_points").size()).isEqualTo(POINTS);
    assertThat(history.path("query_end_timestamp").asLong()).isGreaterThanOrEqualTo(before);
    assertThat(history.path("query_start_timestamp").asLong()).isLessThanOrEqualTo(base);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "interval=-1",
        "interval=abc",
        "interval=1.5",
        "max_points=0",
        "max_points=-5",
        "max_points=abc",
        "max_points=1000000000",
        "start=abc",
        "end=abc",
        "start=-10",
        "agg=median",
        "start=2000&end=1000"
      })
  void badParametersAre400(String query) {
    Contract.assertError(Api.get("/agents/" + id + "/metrics/history?" + query), 400);
  }

  @Test
  void unknownAgentIs404() {
    Contract.assertError(
        Api.get("/agents/" + TestAgent.uniqueId("nobody") + "/metrics/history"), 404);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Asserts a widened answer: at most {@code maxPoints} aligned buckets of the reported width, each
   * the mean of its raw points, the newest raw point inside the last bucket, nothing left out.
   * Returns the width.
   */
  private static long assertWidenedToFit(JsonNode history, int maxPoints) {
    long width = history.path("interval_seconds").asLong();
    JsonNode points = history.path("data_points");
    assertThat(width).as("interval_seconds of a widened answer").isPositive();
    assertThat(points.size()).isBetween(1, maxPoints);
    assertThat(history.path("total_points").asInt()).isEqualTo(points.size());
    assertThat(history.path("truncated").asBoolean()).as("widening leaves nothing out").isFalse();
    long newest = base + POINTS - 1;
    long lastBucket = points.get(points.size() - 1).path("timestamp").asLong();
    assertThat(newest)
        .as("newest point inside the last bucket")
        .isBetween(lastBucket, lastBucket + width - 1);
    long previous = Long.MIN_VALUE;
    for (JsonNode point : points) {
      long start = point.path("timestamp").asLong();
      assertThat(start % width).as("bucket %s aligned to %s", start, width).isZero();
      assertThat(start).isGreaterThan(previous);
      previous = start;
      assertThat(point.path("values").path(CPU).asDouble())
          .as("mean of bucket %s", start)
          .isCloseTo(meanOfBucket(start, width), Offset.offset(1e-9));
    }
    return width;
  }

  /** The mean of the values {@code i} whose timestamps {@code base + i} fall in the bucket. */
  private static double meanOfBucket(long start, long width) {
    double total = 0;
    int count = 0;
    for (int i = 0; i < POINTS; i++) {
      long t = base + i;
      if (t >= start && t < start + width) {
        total += i;
        count++;
      }
    }
    return total / count;
  }

  private static JsonNode history(String query) {
    ApiResponse response = Api.get("/agents/" + id + "/metrics/history?" + query);
    return Contract.assertOk(response);
  }

  /** "&start=base+from&end=base+to". */
  private static String range(int from, int to) {
    return "&start=" + (base + from) + "&end=" + (base + to);
  }

  private static List<Long> timestamps(JsonNode points) {
    List<Long> result = new ArrayList<>();
    points.forEach(p -> result.add(p.path("timestamp").asLong()));
    return result;
  }

  private static List<Long> seconds(int from, int to, int step) {
    List<Long> result = new ArrayList<>();
    for (long t = from; t <= to; t += step) {
      result.add(base + t);
    }
    return result;
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
