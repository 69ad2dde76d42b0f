package it.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.testkit.agent.TestAgent;
import it.support.Agents;
import it.support.Api;
import it.support.ApiResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cost limit of a history answer at its default, {@code nodelink.history.max-values} =
 * 1,000,000: the series asked for × {@code max_points} is checked before the query runs, so 100
 * series at 10,000 points are answered and 101 are a 400 JSON naming the limit.
 */
class QueryCostIT {

  private TestAgent agent;

  @BeforeEach
  void connect() {
    agent = TestAgent.connect(TestAgent.uniqueId("cost"));
    Agents.awaitOnline(agent.agentId());
  }

  @AfterEach
  void close() {
    agent.close();
  }

  @Test
  void seriesTimesMaxPointsAboveTheLimitIs400NamingIt() {
    ApiResponse atTheLimit = history(100);
    ApiResponse over = history(101);

    assertThat(atTheLimit.status()).as(atTheLimit.body()).isEqualTo(200);
    assertThat(over.status()).as(over.body()).isEqualTo(400);
    assertThat(over.json().path("error").asText())
        .contains("1010000", "1000000", "nodelink.history.max-values");
  }

  private ApiResponse history(int series) {
    String names =
        IntStream.range(0, series).mapToObj(i -> "s" + i).collect(Collectors.joining(","));
    return Api.get(
        "/agents/" + agent.agentId() + "/metrics/history?max_points=10000&metrics=" + names);
  }
}
