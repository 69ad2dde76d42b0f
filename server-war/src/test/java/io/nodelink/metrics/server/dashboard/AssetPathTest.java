package io.nodelink.metrics.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetPathTest {

  @ParameterizedTest
  @ValueSource(strings = {"app.js", "style.css", "uplot/1.6.30/dist/uPlot.esm.js", "a_b-c.min.js"})
  void plainNamesAreAccepted(String path) {
    assertThat(AssetPath.of(path)).contains(path);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "..",
        "../WEB-INF/web.xml",
        "a/../../WEB-INF/beans.xml",
        "a/./b.js",
        ".hidden",
        "a//b.js",
        "a/",
        "/etc/passwd",
        "..%2FWEB-INF%2Fbeans.xml",
        "a%2fb.js",
        "%2e%2e/x",
        "a\\b.js",
        "a%00.js",
        "app.js?x=1",
        "a..b/c.js"
      })
  void traversalAndEscapesAreRefused(String path) {
    assertThat(AssetPath.of(path)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void overlongPathsAreRefused() {
    assertThat(AssetPath.of("a".repeat(300) + ".js")).isEmpty();
  }
}
