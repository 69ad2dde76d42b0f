package it.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.testkit.agent.TestAgent;
import it.support.Agents;
import it.support.Api;
import it.support.ApiResponse;
import it.support.Contract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Alerting in the dashboard, headless Chromium: a test agent whose CPU fires a rule shows a firing
 * badge on its overview card, which leads to the Alerts page listing the alert, its transitions and
 * the rule; the agent's history charts mark the transition; no console errors, no accessibility
 * violations.
 */
class AlertsBrowserIT {

  private static final Duration UI_WAIT = Duration.ofSeconds(45);

  private Browser browser;
  private TestAgent agent;
  private String rule;

  @BeforeEach
  void start() {
    Browser.assumeInstalled();
    Server.awaitReady();
    String id = TestAgent.uniqueId("dash-alert");
    agent = TestAgent.builder(id).connect();
    agent.setCpuPercent(97);
    Agents.awaitOnline(id);
    rule = "DashCpu-" + id;
    ApiResponse created =
        Api.post(
            "/alerts/rules",
            "{\"name\":\""
                + rule
                + "\",\"metric\":\"cpu.usage_percent\",\"agg\":\"last\",\"threshold\":90,"
                + "\"severity\":\"critical\",\"agents\":[\""
                + id
                + "\"]}");
    assertThat(created.status()).as(created.describe()).isEqualTo(201);
    Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"));
    Agents.awaitSummary(id, "alerts_firing=1", s -> s.path("alerts_firing").asInt() == 1);
    browser = Browser.start();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (agent != null) {
      agent.close();
    }
    if (rule != null) {
      Api.delete("/alerts/rules/" + rule);
    }
  }

  @Test
  void aFiringAgentHasABadgeAndTheAlertsPageListsIt() {
    browser.driver.get(Server.BASE);
    WebElement card =
        browser
            .waitUpTo(UI_WAIT)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("article.agent-card[data-agent-id='" + agent.agentId() + "']")));
    WebElement badge = card.findElement(By.cssSelector(".badge.alerts-firing"));
    browser.waitUpTo(UI_WAIT).until(d -> badge.isDisplayed());
    assertThat(badge.getText()).isEqualTo("1 firing");
    browser.screenshot("overview-alert-badge");

    browser.driver.findElement(By.id("nav-alerts")).click();
    WebElement active = browser.driver.findElement(By.id("alerts-active-section"));
    browser.waitUpTo(UI_WAIT).until(d -> active.getText().contains(rule));
    assertThat(active.getText()).contains(agent.agentId(), "firing", "critical");
    WebElement history = browser.driver.findElement(By.id("alerts-history-section"));
    browser.waitUpTo(UI_WAIT).until(d -> history.getText().contains(rule));
    assertThat(browser.driver.findElement(By.id("alerts-rules-section")).getText())
        .contains(rule, "last(cpu.usage_percent) > 90", "HighCpu", "default");
    assertThat(browser.driver.findElement(By.id("alerts-silences-section")).getText()).isNotBlank();
    assertThat(browser.driver.findElement(By.id("alert-counts")).getText()).contains("firing");
    browser.screenshot("alerts");

    assertThat(Axe.violations(browser.driver))
        .as("axe-core %s violations on the alerts page", Axe.version())
        .isEmpty();
    assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    assertThat((List<?>) browser.driver.executeScript("return window.nlErrors || []"))
        .as("uncaught page errors")
        .isEmpty();
  }

  @Test
  void theAgentsHistoryChartsMarkTheAlertTransitions() {
    browser.driver.get(Server.BASE + "#/agents/" + agent.agentId() + "/history");
    WebElement percent =
        browser
            .waitUpTo(UI_WAIT)
            .until(ExpectedConditions.presenceOfElementLocated(By.id("history-percent")));
    browser.waitUpTo(UI_WAIT).until(d -> count(percent, "data-markers") >= 1);
    assertThat(count(browser.driver.findElement(By.id("history-load")), "data-markers"))
        .isGreaterThanOrEqualTo(1);
    WebElement marks = browser.driver.findElement(By.id("history-alerts"));
    assertThat(marks.isDisplayed()).isTrue();
    assertThat(marks.getText()).contains("firing", rule);
    browser.screenshot("history-alert-markers");

    assertThat(Axe.violations(browser.driver))
        .as("axe-core %s violations on the agent history page", Axe.version())
        .isEmpty();
    assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
  }

  private static int count(WebElement element, String attribute) {
    String value = element.getAttribute(attribute);
    return value == null ? 0 : Integer.parseInt(value);
  }
}
