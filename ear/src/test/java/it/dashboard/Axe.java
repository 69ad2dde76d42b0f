package it.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility engine Lighthouse uses, injected into the page under test. Runs the
 * WCAG 2.0, 2.1 and 2.2 level A and AA rules and axe's best practices (Lighthouse scores some of
 * those too) and reports each violation on one line. The script is the file named by {@code
 * -Daxe.script}: the build installs it with npm from {@code src/test/axe}.
 */
final class Axe {

  private static final String FILE = System.getProperty("axe.script", "");
  private static final String SCRIPT = read();

  /** Runs the rules, then hands back "rule (impact): help — target: why | ..." per violation. */
  private static final String RUN =
      """
      const done = arguments[arguments.length - 1];
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
      axe.run(document, { runOnly: { type: 'tag', values: tags } })
        .then((result) => done(result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — `
          + v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\\s+/g, ' ')}`)
            .join(' | '))))
        .catch((e) => done([`axe failed: ${e}`]));
      """;

  private Axe() {}

  /** The violations on the page the driver shows now; empty when there are none. */
  @SuppressWarnings("unchecked")
  static List<String> violations(WebDriver driver) {
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(SCRIPT);
    }
    return (List<String>) js.executeAsyncScript(RUN);
  }

  /** The axe-core version that runs, for messages. */
  static String version() {
    return SCRIPT
        .substring(0, Math.min(SCRIPT.length(), 80))
        .replaceAll("(?s).*?axe v([0-9.]+).*", "$1");
  }

  private static String read() {
    if (FILE.isEmpty()) {
      throw new IllegalStateException(
          "-Daxe.script is not set: run the browser tests through the ear build, which installs"
              + " axe-core (npm ci in ear/src/test/axe)");
    }
    try {
      return Files.readString(Path.of(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
