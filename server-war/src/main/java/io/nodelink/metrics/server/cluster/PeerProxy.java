package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.access.JsonErrors;
import io.nodelink.metrics.server.sse.SseStream;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Passes one API request on to the server an agent is connected to and writes its answer back
 * unchanged: status, body and the headers that describe them. The caller's credentials go along
 * (that server checks them again); an event stream is relayed as it comes, chunk by chunk, without
 * holding a thread of this server for as long as it lasts.
 */
public final class PeerProxy {

  /** Marks a request passed on by another server: it is answered where it lands, never again. */
  public static final String FORWARDED_BY = "X-NodeLink-Forwarded-By";

  private static final Logger LOG = Logger.getLogger(PeerProxy.class.getName());

  private static final int MAX_BODY_BYTES = 1 << 20;

  /**
   * Chunks (about one event each) a relayed stream's client may fall behind before it is closed.
   */
  private static final int RELAY_QUEUE_CHUNKS = 256;

  /** Request headers that carry over: the caller's identity and what it asks for. */
  private static final List<String> REQUEST_HEADERS =
      List.of("Authorization", "Cookie", "Accept", "Content-Type", "Last-Event-ID", "User-Agent");

  /** Answer headers that describe the body or tell the client what to do next. */
  private static final Set<String> ANSWER_HEADERS =
      Set.of("content-type", "cache-control", "retry-after", "www-authenticate", "location");

  private final HttpClient http;
  private final String nodeId;
  private final Duration timeout;

  public PeerProxy(Executor executor, String nodeId, Duration timeout) {
    this.http =
        HttpClient.newBuilder()
            .executor(executor)
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.nodeId = nodeId;
    this.timeout = timeout;
  }

  /** Answers {@code request} with what {@code peer} answers to it. */
  public void forward(HttpServletRequest request, HttpServletResponse response, Peer peer)
      throws IOException {
    boolean stream = isEventStream(request);
    HttpRequest outgoing;
    try {
      outgoing = outgoing(request, peer, stream);
    } catch (BodyTooLargeException e) {
      JsonErrors.write(response, 413, "request body over " + MAX_BODY_BYTES + " bytes");
      return;
    }
    if (stream) {
      relay(request, outgoing, peer);
      return;
    }
    HttpResponse<InputStream> answer;
    try {
      answer = http.send(outgoing, BodyHandlers.ofInputStream());
    } catch (IOException e) {
      LOG.log(Level.FINE, "Server " + peer.nodeId() + " did not answer", e);
      JsonErrors.write(
          response,
          502,
          "the agent is connected to server " + peer.nodeId() + ", which did not answer: " + e);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      JsonErrors.write(response, 503, "interrupted while asking server " + peer.nodeId());
      return;
    }
    answerHeaders(answer.statusCode(), answer.headers(), response);
    try (InputStream in = answer.body()) {
      in.transferTo(response.getOutputStream());
    }
  }

  /**
   * Relays an event stream: the request goes asynchronous, the other server's answer is written as
   * its chunks arrive (its status and headers first), and this request thread is free at once.
   */
  private void relay(HttpServletRequest request, HttpRequest outgoing, Peer peer) {
    AsyncContext async = request.startAsync();
    async.setTimeout(0);
    EventStreamRelay relay = new EventStreamRelay();
    http.sendAsync(
            outgoing,
            info -> {
              SseStream client =
                  SseStream.relay(
                      "relay to " + peer.nodeId(),
                      request.getRequestURI(),
                      async,
                      RELAY_QUEUE_CHUNKS,
                      closed -> relay.cancel());
              relay.writeTo(client);
              client.start(response -> answerHeaders(info.statusCode(), info.headers(), response));
              return BodySubscribers.fromSubscriber(relay);
            })
        .exceptionally(
            error -> {
              unanswered(async, peer, error);
              return null;
            });
  }

  /** The other server did not answer (or its stream broke off): a JSON error if still possible. */
  private static void unanswered(AsyncContext async, Peer peer, Throwable error) {
    HttpServletResponse response = (HttpServletResponse) async.getResponse();
    try {
      if (!response.isCommitted()) {
        LOG.log(Level.FINE, "Server " + peer.nodeId() + " did not answer", error);
        JsonErrors.write(
            response,
            502,
            "the agent is connected to server "
                + peer.nodeId()
                + ", which did not answer: "
                + error);
      }
      async.complete();
    } catch (IOException | RuntimeException e) {
      // The client went away meanwhile, or the stream's end already completed the response.
      LOG.log(Level.FINEST, "Relayed stream already ended", e);
    }
  }

  private HttpRequest outgoing(HttpServletRequest request, Peer peer, boolean stream)
      throws IOException {
    String target = request.getRequestURI();
    if (request.getQueryString() != null) {
      target += "?" + request.getQueryString();
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(peer.url() + target)).header(FORWARDED_BY, nodeId);
    if (!stream) {
      builder.timeout(timeout);
    }
    for (String name : REQUEST_HEADERS) {
      String value = request.getHeader(name);
      if (value != null) {
        builder.header(name, value);
      }
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw new BodyTooLargeException();
    }
    return builder
        .method(
            request.getMethod(),
            body.length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private static void answerHeaders(int status, HttpHeaders headers, HttpServletResponse response) {
    response.setStatus(status);
    headers
        .map()
        .forEach(
            (name, values) -> {
              if (ANSWER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> response.addHeader(name, v));
              }
            });
  }

  private static boolean isEventStream(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return request.getRequestURI().endsWith("/stream")
        || (accept != null && accept.contains("text/event-stream"));
  }

  private static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
  }
}
