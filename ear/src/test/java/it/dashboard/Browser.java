package it.dashboard;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Selenium through the system's chromedriver, so nothing is downloaded
 * at test time (Selenium Manager never runs when the driver path is explicit).
 */
final class Browser implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final String CHROMEDRIVER =
      System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
  static final Path SCREENSHOTS =
      Paths.get(System.getProperty("screenshots.dir", "target/screenshots"));

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Skips the calling test, saying how to install Chromium, when it is not on this machine. */
  static void assumeInstalled() {
    assumeTrue(
        Files.isExecutable(Paths.get(CHROMIUM)) && Files.isExecutable(Paths.get(CHROMEDRIVER)),
        "Browser tests need Chromium and its driver at "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + ": apt-get install -y chromium chromium-driver");
  }

  /**
   * Starts a fresh headless Chromium signed in to the dashboard as the test operator, through the
   * login page (Liberty's form login; its single sign-on cookie then rides every request).
   */
  static Browser start() {
    Browser browser = startSignedOut();
    browser.signIn(it.support.Credentials.OPERATOR);
    return browser;
  }

  /** Signs in on the login page the dashboard sends a signed-out browser to. */
  void signIn(it.support.Credentials user) {
    submitLogin(user);
    waitUpTo(Duration.ofSeconds(30))
        .until(
            d ->
                !d.getCurrentUrl().contains("login")
                    && !d.findElements(org.openqa.selenium.By.id("main")).isEmpty());
  }

  private void submitLogin(it.support.Credentials user) {
    driver.get(Server.BASE);
    waitUpTo(Duration.ofSeconds(30))
        .until(d -> !d.findElements(org.openqa.selenium.By.id("username")).isEmpty());
    driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(user.user());
    driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(user.password());
    driver.findElement(org.openqa.selenium.By.id("sign-in")).click();
  }

  /** Submits the login form with wrong credentials and waits for the page to say so. */
  void signInExpectingFailure(it.support.Credentials user) {
    submitLogin(user);
    waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("failed"));
  }

  /** Starts a fresh headless Chromium with an empty profile and a desktop-size window. */
  static Browser startSignedOut() {
    System.setProperty("SE_AVOID_STATS", "true");
    System.setProperty("SE_OFFLINE", "true");
    Path profile;
    try {
      profile = Files.createTempDirectory("nodelink-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--lang=en-US",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .withEnvironment(Map.of("SE_AVOID_STATS", "true", "SE_OFFLINE", "true"))
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1400, 1000));
    return new Browser(driver, profile);
  }

  WebDriverWait waitUpTo(Duration timeout) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(200));
  }

  /** Browser console entries at SEVERE level (errors) since the last call. */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::toString)
        .toList();
  }

  /** Emulates a colour scheme (prefers-color-scheme) through the DevTools protocol. */
  void emulateColorScheme(String scheme) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  /** Emulates a phone: small viewport, device pixel ratio 2, touch. */
  void emulatePhone() {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
  }

  /** Writes a PNG of the whole page (not only the viewport) under target/screenshots. */
  @SuppressWarnings("unchecked")
  Path screenshot(String name) {
    // From the top, so the sticky header sits where it belongs in a full-page capture.
    driver.executeScript("window.scrollTo(0, 0)");
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
    Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssLayoutViewport");
    double width = ((Number) viewport.get("clientWidth")).doubleValue();
    double height =
        Math.max(
            ((Number) content.get("height")).doubleValue(),
            ((Number) viewport.get("clientHeight")).doubleValue());
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of(
                    "x", 0, "y", 0, "width", width, "height", Math.min(height, 6000), "scale", 1)));
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp profile is harmless.
    }
  }
}
