package it.support.tsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's Alertmanager ({@code prometheus-alertmanager}) on a loopback port, without clustering,
 * routing everything to a receiver that does nothing; its alerts are read through its API v2.
 */
public final class AlertmanagerServer implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalBinary binary;
  private final String base;

  private AlertmanagerServer(LocalBinary binary, int port) {
    this.binary = binary;
    this.base = "http://127.0.0.1:" + port;
  }

  /** Starts an empty Alertmanager; skips the calling test when it is not installed. */
  public static AlertmanagerServer start(Path directory, int port) {
    Path binaryPath =
        LocalBinary.assumeInstalled("prometheus-alertmanager", "prometheus-alertmanager");
    Path data = directory.toAbsolutePath().resolve("data");
    LocalBinary binary =
        LocalBinary.fresh(
            binaryPath,
            List.of(
                "--config.file=" + config(directory),
                "--storage.path=" + data,
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--log.level=warn"),
            data,
            URI.create("http://127.0.0.1:" + port + "/-/ready"));
    binary.start();
    return new AlertmanagerServer(binary, port);
  }

  private static Path config(Path directory) {
    Path file = directory.toAbsolutePath().resolve("alertmanager.yml");
    try {
      Files.createDirectories(directory);
      Files.writeString(
          file,
          "route:\n  receiver: blackhole\n  group_wait: 1s\nreceivers:\n  - name: blackhole\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * The alerts Alertmanager holds (not resolved) whose labels match {@code matcher}, e.g. {@code
   * instance="a1"}.
   */
  public JsonNode alerts(String matcher) {
    String uri =
        base + "/api/v2/alerts?filter=" + URLEncoder.encode(matcher, StandardCharsets.UTF_8);
    try {
      var response =
          HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            uri + " -> " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    binary.close();
  }
}
