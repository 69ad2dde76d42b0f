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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The Prometheus HTTP query API ({@code /api/v1/query}), which VictoriaMetrics also serves. */
public final class PromQl {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;

  PromQl(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** The {@code result} array of an instant query at {@code timeSeconds} (0: now). */
  public JsonNode query(String promql, double timeSeconds) {
    String uri =
        base
            + "/api/v1/query?query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8)
            + (timeSeconds > 0 ? "&time=" + timeSeconds : "");
    JsonNode answer = get(uri);
    if (!"success".equals(answer.path("status").asText())) {
      throw new IllegalStateException(promql + " failed: " + answer);
    }
    return answer.path("data").path("result");
  }

  /** The value of a query's only series, or NaN when it has none. */
  public double scalar(String promql, double timeSeconds) {
    JsonNode result = query(promql, timeSeconds);
    return result.isEmpty() ? Double.NaN : result.get(0).path("value").get(1).asDouble();
  }

  /** The raw samples of a range selector ({@code metric{...}[1m]}) of one series: [ms, value]. */
  public List<double[]> samples(String rangeSelector, double timeSeconds) {
    JsonNode result = query(rangeSelector, timeSeconds);
    List<double[]> samples = new ArrayList<>();
    if (!result.isEmpty()) {
      for (JsonNode v : result.get(0).path("values")) {
        samples.add(new double[] {v.get(0).asDouble() * 1000, v.get(1).asDouble()});
      }
    }
    return samples;
  }

  /** The first JSON line of a line-delimited answer (VictoriaMetrics' export), or null. */
  JsonNode getFirstLine(String pathAndQuery) {
    String body = body(base + pathAndQuery).strip();
    if (body.isEmpty()) {
      return null;
    }
    try {
      return JSON.readTree(body.lines().findFirst().orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode get(String uri) {
    try {
      return JSON.readTree(body(uri));
    } catch (IOException e) {
      throw new UncheckedIOException(uri, e);
    }
  }

  private static String body(String uri) {
    try {
      var response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20)).build(),
              BodyHandlers.ofString());
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
