package io.nodelink.metrics.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

  @Test
  void modulesAreServedAsJavaScriptSoBrowsersRunThem() {
    assertThat(ContentTypes.forName("/assets/app.js")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(ContentTypes.forName("/webjars/uplot/1.6.30/dist/uPlot.esm.js"))
        .startsWith("text/javascript");
  }

  @Test
  void knownExtensionsMapIgnoringCase() {
    assertThat(ContentTypes.forName("/index.html")).isEqualTo("text/html; charset=utf-8");
    assertThat(ContentTypes.forName("/assets/STYLE.CSS")).isEqualTo("text/css; charset=utf-8");
    assertThat(ContentTypes.forName("/assets/icon.svg")).isEqualTo("image/svg+xml");
  }

  @Test
  void unknownOrMissingExtensionsAreOctetStream() {
    assertThat(ContentTypes.forName("/assets/data.bin")).isEqualTo(ContentTypes.DEFAULT);
    assertThat(ContentTypes.forName("/assets.d/README")).isEqualTo(ContentTypes.DEFAULT);
  }

  @Test
  void textIsCompressibleImagesAreNot() {
    assertThat(ContentTypes.isCompressible("text/css; charset=utf-8")).isTrue();
    assertThat(ContentTypes.isCompressible("image/svg+xml")).isTrue();
    assertThat(ContentTypes.isCompressible("image/png")).isFalse();
  }
}
