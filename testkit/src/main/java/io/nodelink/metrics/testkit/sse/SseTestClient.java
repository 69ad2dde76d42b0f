package io.nodelink.metrics.testkit.sse;

import static org.awaitility.Awaitility.await;

import io.nodelink.metrics.testkit.Timeouts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A Server-Sent Events client for tests on {@link HttpClient}: it parses {@code event:}, {@code
 * data:} and comment lines as the EventSource spec does and records everything it reads. Closing it
 * closes the connection, as a browser tab that goes away does. (Named apart from the server's own
 * {@code sse.SseStream}, the server side of one connection.)
 */
public final class SseTestClient implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI uri;
  private final CompletableFuture<HttpResponse<InputStream>> response;
  private final List<SseEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private volatile InputStream body;
  private volatile boolean closed;

  private SseTestClient(URI uri, Map<String, String> headers) {
    this.uri = uri;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
    headers.forEach(request::header);
    if (!headers.containsKey("Authorization")) {
      defaultAuthorization().ifPresent(value -> request.header("Authorization", value));
    }
    this.response = HTTP.sendAsync(request.build(), BodyHandlers.ofInputStream());
    this.response.whenComplete(
        (answer, error) -> {
          if (error != null) {
            finished.completeExceptionally(error);
          } else {
            startReading(answer);
          }
        });
  }

  /**
   * Opens {@code pathAndQuery} on the API port of the server under test: 127.0.0.1 and the port in
   * system property {@code http.port} (as failsafe passes it; default 8080).
   */
  public static SseTestClient open(String pathAndQuery) {
    return open(pathAndQuery, Map.of());
  }

  /** Opens {@code pathAndQuery} on the API port of the server under test with extra headers. */
  public static SseTestClient open(String pathAndQuery, Map<String, String> headers) {
    return open(apiUri(pathAndQuery), headers);
  }

  /** Opens {@code uri} with extra request headers. */
  public static SseTestClient open(URI uri, Map<String, String> headers) {
    return new SseTestClient(uri, headers);
  }

  /**
   * HTTP Basic for the user in system properties {@code it.http.user} / {@code it.http.password}
   * (failsafe passes the test operator), so a server that requires login lets the stream through.
   */
  private static java.util.Optional<String> defaultAuthorization() {
    String user = System.getProperty("it.http.user");
    String password = System.getProperty("it.http.password");
    if (user == null || user.isBlank() || password == null) {
      return java.util.Optional.empty();
    }
    byte[] pair = (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return java.util.Optional.of("Basic " + java.util.Base64.getEncoder().encodeToString(pair));
  }

  private static URI apiUri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + Integer.getInteger("http.port", 8080) + pathAndQuery);
  }

  private void startReading(HttpResponse<InputStream> answer) {
    body = answer.body();
    if (closed) {
      closeQuietly();
      return;
    }
    Thread reader = new Thread(() -> read(answer.body()), "sse-client " + uri.getPath());
    reader.setDaemon(true);
    reader.start();
  }

  private void read(InputStream stream) {
    String name = null;
    StringBuilder data = null;
    int dataLines = 0;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new SseEvent(name == null ? "message" : name, data.toString(), dataLines));
          }
          name = null;
          data = null;
          dataLines = 0;
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).trim());
        } else {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1);
          if (value.startsWith(" ")) {
            value = value.substring(1);
          }
          if (field.equals("event")) {
            name = value;
          } else if (field.equals("data")) {
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            dataLines++;
          }
        }
      }
      finished.complete(null);
    } catch (IOException e) {
      finished.complete(null);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Waits for the response head and returns the status code. */
  public int awaitStatus() {
    return awaitResponse().statusCode();
  }

  /** Waits for the response head and returns its headers. */
  public HttpHeaders awaitHeaders() {
    return awaitResponse().headers();
  }

  private HttpResponse<InputStream> awaitResponse() {
    await("response head of " + uri).atMost(Timeouts.AWAIT).until(response::isDone);
    return response.join();
  }

  /** Every event dispatched so far. */
  public List<SseEvent> events() {
    return List.copyOf(events);
  }

  /** The events named {@code name}. */
  public List<SseEvent> events(String name) {
    return events.stream().filter(e -> e.name().equals(name)).collect(Collectors.toList());
  }

  /** Comment lines (without the leading ':') read so far. */
  public List<String> comments() {
    return List.copyOf(comments);
  }

  /** Waits for the {@code n}th (1-based) event named {@code name} matching {@code filter}. */
  public SseEvent awaitEvent(String name, Predicate<SseEvent> filter, int n, Duration timeout) {
    await("SSE event '" + name + "' #" + n + " on " + uri + " (got " + names() + ")")
        .atMost(timeout)
        .until(() -> matching(name, filter).size() >= n);
    return matching(name, filter).get(n - 1);
  }

  /**
   * Waits for an event named {@code name} matching {@code filter} that arrived after {@code
   * earlier} (an event this client received before).
   */
  public SseEvent awaitEventAfter(SseEvent earlier, String name, Predicate<SseEvent> filter) {
    await("SSE event '" + name + "' after " + earlier + " on " + uri + " (got " + names() + ")")
        .atMost(Timeouts.AWAIT)
        .until(() -> after(earlier, name, filter) != null);
    return after(earlier, name, filter);
  }

  private SseEvent after(SseEvent earlier, String name, Predicate<SseEvent> filter) {
    List<SseEvent> all = events();
    int start = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) == earlier) {
        start = i;
      }
    }
    for (int i = start + 1; start >= 0 && i < all.size(); i++) {
      SseEvent event = all.get(i);
      if (event.name().equals(name) && filter.test(event)) {
        return event;
      }
    }
    return null;
  }

  /** Waits for the {@code n}th event named {@code name}. */
  public SseEvent awaitEvent(String name, int n) {
    return awaitEvent(name, e -> true, n, Timeouts.AWAIT);
  }

  /** Waits for an event named {@code name} matching {@code filter}. */
  public SseEvent awaitEvent(String name, Predicate<SseEvent> filter) {
    return awaitEvent(name, filter, 1, Timeouts.AWAIT);
  }

  /** True once the server ended the response. */
  public boolean isFinished() {
    return finished.isDone();
  }

  private List<SseEvent> matching(String name, Predicate<SseEvent> filter) {
    return events(name).stream().filter(filter).collect(Collectors.toList());
  }

  private String names() {
    return events.stream().map(SseEvent::name).collect(Collectors.joining(",", "[", "]"));
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly();
    response.cancel(true);
  }

  private void closeQuietly() {
    InputStream stream = body;
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException ignored) {
        // closing is all we wanted
      }
    }
  }
}
