package it.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.support.AgentProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The overview with 50 agents streaming every second (the real agent's {@code --simulate 50}):
 * every card fills in, and the page's own render timings (window.nlStats) are printed as the
 * dashboard's performance figures. The bound asserted is loose on purpose (a shared 2-core
 * machine); the printed numbers are the measurement.
 */
class OverviewScaleIT {

  private static final int AGENTS = 50;
  private static final String PREFIX = "scale-" + UUID.randomUUID().toString().substring(0, 6);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static AgentProcess simulator;

  @BeforeAll
  static void startSimulatedAgents() throws Exception {
    Browser.assumeInstalled();
    Server.awaitReady();
    simulator = AgentProcess.simulate(PREFIX, AGENTS);
    await("simulated agents registered")
        .atMost(Duration.ofSeconds(90))
        .until(() -> countAgents() == AGENTS);
    for (int i = 0; i < AGENTS; i++) {
      post("agents/" + id(i) + "/metrics/start", "{\"interval_seconds\": 1}");
    }
  }

  @AfterAll
  static void stopSimulatedAgents() throws Exception {
    if (simulator == null) {
      return;
    }
    for (int i = 0; i < AGENTS; i++) {
      post("agents/" + id(i) + "/metrics/stop", "");
    }
    simulator.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void fiftyStreamingAgentsRenderInBatchedFrames() {
    try (Browser browser = Browser.start()) {
      // A wall screen tall enough that every card is in view: the overview only fetches the
      // latest snapshot of visible cards, so this is its heaviest case.
      browser.driver.manage().window().setSize(new Dimension(1920, 3200));
      browser.driver.get(Server.BASE + "#/");
      browser
          .waitUpTo(Duration.ofSeconds(60))
          .until(
              d ->
                  d.findElements(
                              By.cssSelector("article.agent-card[data-agent-id^='" + PREFIX + "']"))
                          .size()
                      == AGENTS);
      browser
          .waitUpTo(Duration.ofSeconds(90))
          .until(
              d ->
                  IntStream.range(0, AGENTS)
                      .allMatch(
                          i ->
                              d.findElement(
                                      By.cssSelector(
                                          "article.agent-card[data-agent-id='"
                                              + id(i)
                                              + "'] .value"))
                                  .getText()
                                  .endsWith("%")));
      browser.driver.executeScript("window.nlStats.reset()");
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      await().atMost(Duration.ofSeconds(30)).until(() -> System.nanoTime() > until);

      Map<String, Object> stats =
          (Map<String, Object>) browser.driver.executeScript("return window.nlStats.snapshot()");
      System.out.printf(
          "DASHBOARD overview, %d agents streaming at 1 s, 20 s window: %s%n", AGENTS, stats);
      browser.screenshot("overview-50-agents");
      // Batched: 50 agents x 20 s would be 1,000 renders if each snapshot rendered on its own.
      // Render times are printed as figures, not asserted: they follow the machine's load.
      assertThat(((Number) stats.get("renders")).intValue())
          .isPositive()
          .isLessThan(AGENTS * 20 / 4);
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }

  private static String id(int i) {
    return PREFIX + "-" + i;
  }

  private static long countAgents() {
    var agents = Server.json("metrics/agents").path("agents");
    long n = 0;
    for (var it = agents.fieldNames(); it.hasNext(); ) {
      if (it.next().startsWith(PREFIX + "-")) {
        n++;
      }
    }
    return n;
  }

  private static void post(String path, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(Server.BASE + path))
                .header("Content-Type", "application/json")
                .header("Authorization", it.support.Credentials.OPERATOR.basicHeader())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
  }
}
