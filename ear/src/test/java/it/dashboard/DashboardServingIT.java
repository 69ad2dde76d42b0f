package it.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web container serves the dashboard's page, assets and WebJars (the JAX-RS application owns
 * only the API's path prefixes) with content types, caching, compression and safe paths.
 */
class DashboardServingIT {

  @BeforeAll
  static void serverUp() {
    Server.awaitReady();
  }

  private static final String UPLOT_VERSION = System.getProperty("uplot.version", "1.6.30");
  private static final String UPLOT = "webjars/uplot/" + UPLOT_VERSION + "/dist/uPlot.esm.js";

  @Test
  void rootServesThePageThatLoadsTheAppModule() {
    HttpResponse<byte[]> page = Server.get("");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
    assertThat(page.headers().firstValue("Last-Modified")).isPresent();
    String html = new String(page.body(), StandardCharsets.UTF_8);
    assertThat(html)
        .contains("<script type=\"module\" src=\"assets/app.js\">")
        .contains("webjars/uplot/" + UPLOT_VERSION + "/dist/uPlot.min.css")
        .doesNotContain("${")
        .doesNotContain("http://")
        .doesNotContain("https://");
  }

  @Test
  void assetsHaveTheirContentTypes() {
    assertThat(type("assets/app.js")).startsWith("text/javascript");
    assertThat(type("assets/style.css")).startsWith("text/css");
    assertThat(type("assets/favicon.svg")).isEqualTo("image/svg+xml");
    assertThat(new String(Server.get("assets/vendor.js").body(), StandardCharsets.UTF_8))
        .contains("../" + UPLOT);
  }

  @Test
  void unchangedFilesAnswer304ToTheirLastModified() {
    HttpResponse<byte[]> first = Server.get("assets/app.js");
    String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

    HttpResponse<byte[]> again = Server.get("assets/app.js", "If-Modified-Since", lastModified);

    assertThat(first.headers().firstValue("Cache-Control")).contains("no-cache");
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void webjarsComeFromTheJarWithALongLivedCache() throws IOException {
    HttpResponse<byte[]> plain = Server.get(UPLOT);
    HttpResponse<byte[]> gzipped = Server.get(UPLOT, "Accept-Encoding", "gzip");

    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/javascript");
    assertThat(plain.headers().firstValue("Cache-Control")).get().asString().contains("immutable");
    assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain.body());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "assets/nope.js",
        "webjars/uplot/9.9.9/dist/uPlot.esm.js",
        "nope.html",
        "WEB-INF/web.xml",
        "WEB-INF/beans.xml",
        "META-INF/MANIFEST.MF",
        "webjars/"
      })
  void missingAndPrivateFilesAre404Json(String path) {
    HttpResponse<byte[]> missing = Server.get(path);

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/json");
    assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("\"error\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "assets/app.js", "webjars/uplot/x"})
  void theFilesAreReadOnly(String path) {
    HttpResponse<byte[]> response = Server.send("POST", path);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).get().asString().contains("GET");
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"error\"");
  }

  @Test
  void theApiKeepsItsPathsNextToTheFiles() {
    HttpResponse<byte[]> agents = Server.get("metrics/agents");

    assertThat(agents.statusCode()).isEqualTo(200);
    assertThat(new String(agents.body(), StandardCharsets.UTF_8)).startsWith("{\"agents\":");
  }

  @Test
  void openApiListsNoDashboardPath() {
    HttpResponse<byte[]> openapi = Server.admin("openapi");

    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(new String(openapi.body(), StandardCharsets.UTF_8))
        .contains("/metrics/agents")
        .doesNotContain("/assets")
        .doesNotContain("/webjars")
        .doesNotContain("\n  /:");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "assets/..%2FWEB-INF%2Fbeans.xml",
        "assets/%2e%2e/WEB-INF/beans.xml",
        "webjars/..%2F..%2FWEB-INF%2Fweb.xml",
        "assets/.%2e/.%2e/WEB-INF/beans.xml",
        "assets/a%5C..%5Cb.js",
        "webjars/uplot/1.6.30/..%2F..%2F..%2FMETA-INF%2FMANIFEST.MF"
      })
  void encodedTraversalIsRefused(String path) {
    HttpResponse<byte[]> response = Server.get(path);

    // Liberty's web container refuses these itself: an encoded '/', '.' or '\\' is rejected
    // before any servlet runs (CWWWC0005I, 400; for some its own HTML page, see ErrorResponsesIT),
    // a decoded path into WEB-INF or META-INF is not found (404). Either way nothing leaks.
    assertThat(response.statusCode()).isIn(400, 404);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .doesNotContain("<beans")
        .doesNotContain("web-bnd")
        .doesNotContain("Manifest-Version");
  }

  @Test
  void backslashEscapesAreRefusedWithJson() {
    HttpResponse<byte[]> response = Server.get("assets/a%5C..%5Cb.js");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"error\"");
  }

  /** Raw requests: an HTTP client would normalise the dots away before sending. */
  @ParameterizedTest
  @ValueSource(strings = {"/assets/../WEB-INF/beans.xml", "/webjars/../../WEB-INF/ibm-web-bnd.xml"})
  void literalDotSegmentsNeverReachTheWarsPrivateFiles(String path) throws IOException {
    try (Socket socket = new Socket(Server.HOST, Server.HTTP_PORT)) {
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + path
                      + " HTTP/1.1\r\nHost: "
                      + Server.HOST
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response)
          .doesNotStartWith("HTTP/1.1 200")
          .doesNotContain("<beans")
          .doesNotContain("web-bnd");
    }
  }

  private static String type(String path) {
    HttpResponse<byte[]> response = Server.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.headers().firstValue("Content-Type").orElse("");
  }
}
