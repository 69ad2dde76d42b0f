package it.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.agent.TestAgent;
import it.support.AgentProcess;
import it.support.Agents;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in a real browser (headless Chromium) against the real server and the real agent
 * (agent-jar, run as its own process with a random id and the shared test token): overview, live
 * charts over SSE, system info, tracked processes, history, streaming stopping when the page is
 * left, keyboard tabs, dark scheme and phone size, no console errors, no accessibility violations
 * (axe-core: WCAG 2.x A/AA and best practices, both schemes, an offline agent included), and
 * screenshots of each page under target/screenshots for review.
 */
class DashboardBrowserIT {

  private static final Duration UI_WAIT = Duration.ofSeconds(45);
  private static final String AGENT_ID = "dash-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String OFFLINE_ID = TestAgent.uniqueId("dash-offline");

  private static AgentProcess agent;
  private Browser browser;

  @BeforeAll
  static void connectAgent() {
    Browser.assumeInstalled();
    Server.awaitReady();
    // Tracks its own JVM as the process rule "nodelink-agent", so the Processes tab has a row.
    agent =
        AgentProcess.start(
            AGENT_ID,
            AgentProcess.SHARED_TOKEN,
            "-Dtrack.nodelink-agent.cmdline=nodelink-agent\\.jar.*" + AGENT_ID);
    await("agent registered with system info")
        .atMost(Duration.ofSeconds(60))
        .until(() -> Server.agent(AGENT_ID).path("has_system_info").asBoolean());
    // An agent that came and went, so the pages show an offline one too.
    try (TestAgent gone = TestAgent.connect(OFFLINE_ID)) {
      Agents.awaitOnline(OFFLINE_ID);
    }
    Agents.awaitOffline(OFFLINE_ID, Duration.ofSeconds(30));
  }

  @AfterAll
  static void disconnectAgent() throws InterruptedException {
    if (agent != null) {
      agent.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void overviewListsTheAgentOnlineWithItsHost() {
    browser.driver.get(Server.BASE);

    WebElement card = waitForCard();
    String hostname =
        Server.json("agents/" + AGENT_ID + "/system").path("software").path("hostname").asText();
    browser.waitUpTo(UI_WAIT).until(d -> card.getText().contains(hostname));
    assertThat(card.getAttribute("data-status")).isEqualTo("online");
    assertThat(card.findElement(By.cssSelector(".badge.status")).getText()).isEqualTo("Online");
    assertThat(browser.driver.findElement(By.id("agent-counts")).getText()).contains("online");
    browser.screenshot("overview");
    assertNoErrors();
  }

  @Test
  void liveChartsGrowOverSseAndLeavingThePageStopsStreaming() {
    openAgentPage("live", 1);

    WebElement cpu = browser.driver.findElement(By.id("chart-cpu"));
    browser.waitUpTo(UI_WAIT).until(d -> points(cpu) >= 2);
    int seen = points(cpu);
    browser.waitUpTo(UI_WAIT).until(d -> points(cpu) > seen);
    assertThat(Server.agent(AGENT_ID).path("streaming_active").asBoolean()).isTrue();
    assertThat(points(browser.driver.findElement(By.id("chart-cores")))).isPositive();
    assertThat(browser.driver.findElement(By.id("tile-cpu")).getText())
        .containsPattern("\\d+\\.\\d%");
    assertThat(browser.driver.findElement(By.id("tile-net")).getText())
        .containsPattern("\\d+(\\.\\d)? [KMG]?bps");
    browser.screenshot("agent-live");
    assertNoErrors();

    // Leave through the breadcrumb, as a person would: the page closes its EventSource.
    browser.driver.findElement(By.cssSelector("#crumbs a[href='#/']")).click();
    waitForCard();
    await("streaming stopped after leaving the agent page")
        .atMost(Duration.ofSeconds(60))
        .until(() -> !Server.agent(AGENT_ID).path("streaming_active").asBoolean());
    assertThat(agent.isAlive()).isTrue();
    assertNoErrors();
  }

  @Test
  void systemTabShowsHardwareSoftwareAndFiltersPackages() {
    JsonNode system = Server.json("agents/" + AGENT_ID + "/system");
    String hostname = system.path("software").path("hostname").asText();
    String kernel = system.path("software").path("os").path("kernel_version").asText();
    int packages = system.path("software").path("packages").size();
    openAgentPage("system", 5);

    WebElement info = browser.driver.findElement(By.id("system-info"));
    browser.waitUpTo(UI_WAIT).until(d -> info.getText().contains("Operating system"));
    assertThat(info.getText())
        .contains(hostname, kernel, "Hardware", "Disks", "Network interfaces");
    assertThat(info.getText()).containsPattern("\\d+\\.\\d (GB|MB)");
    if (packages > 0) {
      String first = system.path("software").path("packages").get(0).path("name").asText();
      browser.driver.findElement(By.id("package-filter")).sendKeys(first);
      browser
          .waitUpTo(UI_WAIT)
          .until(
              ExpectedConditions.textMatches(
                  By.id("package-count"), Pattern.compile("^[\\d,]+ of [\\d,]+ packages.*")));
      assertThat(browser.driver.findElement(By.id("package-table")).getText()).contains(first);
    }
    browser.screenshot("agent-system");
    assertNoErrors();
  }

  @Test
  void processesTabShowsTheTrackedProcess() {
    openAgentPage("processes", 1);

    browser
        .waitUpTo(UI_WAIT)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("process-table"), "nodelink-agent"));
    assertThat(browser.driver.findElement(By.id("process-counts")).getText())
        .containsIgnoringCase("running");
    browser.screenshot("agent-processes");
    assertNoErrors();
  }

  @Test
  void historyTabDrawsPointsForEachRange() {
    openAgentPage("live", 1);
    WebElement cpu = browser.driver.findElement(By.id("chart-cpu"));
    browser.waitUpTo(UI_WAIT).until(d -> points(cpu) >= 3);

    browser.driver.findElement(By.id("tab-history")).click();
    WebElement percent = browser.driver.findElement(By.id("history-percent"));
    browser.waitUpTo(UI_WAIT).until(d -> points(percent) >= 2);
    assertThat(browser.driver.findElement(By.id("history-info")).getText()).contains("points");
    for (String range : List.of("5m", "1h", "24h", "30m")) {
      browser
          .driver
          .findElement(By.cssSelector("#history-ranges [data-range='" + range + "']"))
          .click();
      browser
          .waitUpTo(UI_WAIT)
          .until(
              d ->
                  "true"
                          .equals(
                              d.findElement(
                                      By.cssSelector(
                                          "#history-ranges [data-range='" + range + "']"))
                                  .getAttribute("aria-pressed"))
                      && points(percent) >= 1);
    }
    assertThat(points(browser.driver.findElement(By.id("history-network")))).isPositive();
    browser.screenshot("agent-history");
    assertNoErrors();
  }

  @Test
  void tabsWorkFromTheKeyboard() {
    openAgentPage("live", 5);
    WebElement live = browser.driver.findElement(By.id("tab-live"));
    live.sendKeys(Keys.ARROW_RIGHT);

    browser
        .waitUpTo(UI_WAIT)
        .until(ExpectedConditions.attributeToBe(By.id("tab-history"), "aria-selected", "true"));
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id"))
        .isEqualTo("tab-history");
    assertThat(browser.driver.findElement(By.id("panel-history")).isDisplayed()).isTrue();
    assertThat(browser.driver.findElement(By.id("panel-live")).isDisplayed()).isFalse();
    assertNoErrors();
  }

  @Test
  void darkSchemeAndPhoneViewportRenderWithoutSidewaysScrolling() {
    browser.emulateColorScheme("dark");
    browser.driver.get(Server.BASE);
    waitForCard();
    String background =
        (String)
            browser.driver.executeScript("return getComputedStyle(document.body).backgroundColor");
    assertThat(background).isEqualTo("rgb(15, 20, 27)");
    browser.screenshot("overview-dark");

    openAgentPage("live", 1);
    WebElement cpu = browser.driver.findElement(By.id("chart-cpu"));
    browser.waitUpTo(UI_WAIT).until(d -> points(cpu) >= 3);
    browser.screenshot("agent-live-dark");

    browser.emulateColorScheme("light");
    browser.emulatePhone();
    browser.driver.get(Server.BASE);
    waitForCard();
    assertNoSidewaysScroll();
    browser.screenshot("overview-phone");
    openAgentPage("live", 1);
    browser.waitUpTo(UI_WAIT).until(d -> points(d.findElement(By.id("chart-cpu"))) >= 2);
    assertNoSidewaysScroll();
    browser.screenshot("agent-live-phone");
    assertNoErrors();
  }

  @ParameterizedTest(name = "{0} scheme")
  @ValueSource(strings = {"light", "dark"})
  void everyPageMeetsWcagAaInBothSchemes(String scheme) {
    browser.emulateColorScheme(scheme);
    browser.driver.get(Server.BASE);
    waitForCard();
    browser
        .waitUpTo(UI_WAIT)
        .until(
            ExpectedConditions.attributeToBe(
                By.cssSelector("article.agent-card[data-agent-id='" + OFFLINE_ID + "']"),
                "data-status",
                "offline"));
    assertAccessible("overview", scheme);

    openAgentPage("live", 1);
    browser.waitUpTo(UI_WAIT).until(d -> points(d.findElement(By.id("chart-cpu"))) >= 2);
    assertAccessible("agent live", scheme);
    showTab("history");
    browser
        .waitUpTo(UI_WAIT)
        .until(ExpectedConditions.textMatches(By.id("history-info"), Pattern.compile("points")));
    assertAccessible("agent history", scheme);
    showTab("system");
    browser
        .waitUpTo(UI_WAIT)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("system-info"), "Operating system"));
    assertAccessible("agent system", scheme);
    showTab("processes");
    browser
        .waitUpTo(UI_WAIT)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("process-table"), "nodelink-agent"));
    assertAccessible("agent processes", scheme);

    browser.driver.get(Server.BASE + "#/agents/" + OFFLINE_ID + "/live");
    browser.waitUpTo(UI_WAIT).until(ExpectedConditions.textToBe(By.id("agent-status"), "Offline"));
    assertAccessible("offline agent", scheme);
  }

  private void showTab(String tab) {
    browser.driver.findElement(By.id("tab-" + tab)).click();
    browser
        .waitUpTo(UI_WAIT)
        .until(ExpectedConditions.attributeToBe(By.id("tab-" + tab), "aria-selected", "true"));
  }

  private void assertAccessible(String page, String scheme) {
    assertThat(Axe.violations(browser.driver))
        .as("axe-core %s violations on the %s page, %s scheme", Axe.version(), page, scheme)
        .isEmpty();
  }

  private WebElement waitForCard() {
    return browser
        .waitUpTo(UI_WAIT)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article.agent-card[data-agent-id='" + AGENT_ID + "']")));
  }

  /** Opens the agent page on a tab with the live interval (seconds) preset for this browser. */
  private void openAgentPage(String tab, int intervalSeconds) {
    browser.driver.get(Server.BASE);
    browser.driver.executeScript(
        "localStorage.setItem('nl.interval', arguments[0])", String.valueOf(intervalSeconds));
    browser.driver.get(Server.BASE + "#/agents/" + AGENT_ID + "/" + tab);
    browser.waitUpTo(UI_WAIT).until(ExpectedConditions.textToBe(By.id("agent-status"), "Online"));
  }

  private static int points(WebElement chart) {
    String value = chart.getAttribute("data-points");
    return value == null ? 0 : Integer.parseInt(value);
  }

  private void assertNoSidewaysScroll() {
    Number overflow =
        (Number)
            browser.driver.executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
    assertThat(overflow.intValue()).as("page wider than the viewport").isLessThanOrEqualTo(0);
  }

  private void assertNoErrors() {
    assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    assertThat((List<?>) browser.driver.executeScript("return window.nlErrors || []"))
        .as("uncaught page errors")
        .isEmpty();
  }
}
