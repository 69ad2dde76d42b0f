package it.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility engine Lighthouse uses, injected from its WebJar into the page under
 * test. Runs the WCAG 2.0 and 2.1 level A and AA rules and reports each violation on one line.
 * {@code -Daxe.script=/path/to/axe.min.js} runs another build of axe-core instead, e.g. a newer one
 * from npm.
 */
final class Axe {

  private static final String FILE = System.getProperty("axe.script", "");
  static final String VERSION =
      FILE.isEmpty() ? System.getProperty("axe-core.version", "4.6.3") : FILE;
  private static final String RESOURCE =
      "META-INF/resources/webjars/axe-core/" + VERSION + "/axe.min.js";
  private static final String SCRIPT = FILE.isEmpty() ? load() : read(Path.of(FILE));

  /** Runs the rules, then hands back "rule (impact): help — target: why | ..." per violation. */
  private static final String RUN =
      """
      const done = arguments[arguments.length - 1];
      const options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };
      axe.run(document, options)
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

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String load() {
    try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
