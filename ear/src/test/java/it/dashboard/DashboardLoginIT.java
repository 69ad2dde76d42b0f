package it.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.Credentials;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dashboard's login in headless Chromium: a signed-out browser lands on the login page, a wrong
 * password says so, the right one opens the dashboard on Liberty's single sign-on cookie, and
 * signing out ends it.
 */
class DashboardLoginIT {

  private static final Duration UI_WAIT = Duration.ofSeconds(45);

  private Browser browser;

  @BeforeAll
  static void serverReady() {
    Browser.assumeInstalled();
    Server.awaitReady();
  }

  @BeforeEach
  void openBrowser() {
    browser = Browser.startSignedOut();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void signedOutBrowserSeesTheLoginPageThatPassesAxe() {
    browser.driver.get(Server.BASE);

    browser.waitUpTo(UI_WAIT).until(d -> d.getCurrentUrl().endsWith("/login.html"));
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
    assertThat(Axe.violations(browser.driver)).isEmpty();
    browser.screenshot("login");
  }

  @Test
  void wrongPasswordIsToldAndTheRightOneOpensTheDashboard() {
    browser.signInExpectingFailure(new Credentials(Credentials.VIEWER.user(), "wrong"));
    assertThat(browser.driver.findElement(By.id("failed")).isDisplayed()).isTrue();

    browser.signIn(Credentials.VIEWER);

    browser.waitUpTo(UI_WAIT).until(d -> !d.findElements(By.id("agent-counts")).isEmpty());
    assertThat(browser.driver.manage().getCookieNamed("LtpaToken2")).isNotNull();
    assertThat(browser.driver.manage().getCookieNamed("LtpaToken2").isHttpOnly()).isTrue();
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void signingOutEndsTheSession() {
    browser.signIn(Credentials.OPERATOR);
    browser.waitUpTo(UI_WAIT).until(d -> !d.findElements(By.id("sign-out")).isEmpty());

    browser.driver.findElement(By.id("sign-out")).click();

    browser.waitUpTo(UI_WAIT).until(d -> d.getCurrentUrl().endsWith("/login.html"));
    browser.driver.get(Server.BASE);
    browser.waitUpTo(UI_WAIT).until(d -> d.getCurrentUrl().endsWith("/login.html"));
  }
}
