package io.nodelink.metrics.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class StaticFileTest {

  @Test
  void largeTextIsGzippedAndDecompressesToTheOriginal() throws IOException {
    String text = "const x = 1;\n".repeat(500);
    StaticFile file = StaticFile.ofText("/assets/app.js", text);

    assertThat(file.gzipped()).isPresent();
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file.gzipped().get()))) {
      assertThat(in.readAllBytes()).isEqualTo(file.bytes());
    }
  }

  @Test
  void smallFilesAndImagesAreNotGzipped() {
    assertThat(StaticFile.ofText("/assets/a.css", "body{}").gzipped()).isEmpty();
    assertThat(StaticFile.of("/assets/a.png", new byte[4096]).gzipped()).isEmpty();
  }

  @Test
  void etagFollowsTheContent() {
    assertThat(StaticFile.ofText("/a.js", "one").etag())
        .isEqualTo(StaticFile.ofText("/b.js", "one").etag())
        .isNotEqualTo(StaticFile.ofText("/a.js", "two").etag());
  }
}
