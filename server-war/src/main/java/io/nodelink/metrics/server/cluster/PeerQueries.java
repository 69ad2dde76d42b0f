package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.view.Json;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks every other live server of the cluster the same question, in parallel and with the caller's
 * credentials, for what that server holds itself ({@link #OWN_ANSWER}): the other server answers
 * from its own state and asks nobody further. A server that fails or does not answer in time is
 * left out; the caller answers with what the others said.
 */
@ApplicationScoped
public class PeerQueries {

  /**
   * Marks a question from another server of the cluster: answer from this server's own state alone
   * (the asking server merges the answers). Set with {@link PeerProxy#FORWARDED_BY}, so the request
   * is not passed on either.
   */
  public static final String OWN_ANSWER = "X-NodeLink-Own-Answer";

  private static final Logger LOG = Logger.getLogger(PeerQueries.class.getName());

  @Inject ClusterNode cluster;

  @Resource(lookup = "concurrent/nodelinkExecutor")
  ManagedExecutorService executor;

  private final Jsonb json = Json.create();
  HttpClient http;

  @PostConstruct
  void createClient() {
    http = client(executor);
  }

  /** The client for the other servers, running its work on {@code executor}. */
  static HttpClient client(Executor executor) {
    return HttpClient.newBuilder()
        .executor(executor)
        .connectTimeout(Duration.ofSeconds(2))
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /**
   * Each other live server's answer to {@code GET pathAndQuery} (e.g. {@code
   * /alerts?state=firing}), read as {@code type}; empty outside a cluster.
   *
   * @param credentials the caller's {@code Authorization} and {@code Cookie} headers (name, value)
   */
  public <T> List<T> askOthers(
      String pathAndQuery, Class<T> type, Map<String, String> credentials) {
    if (!cluster.enabled() || cluster.peers().isEmpty()) {
      return List.of();
    }
    List<CompletableFuture<T>> answers = new ArrayList<>();
    for (Peer peer : cluster.peers()) {
      answers.add(ask(peer, pathAndQuery, type, credentials));
    }
    List<T> answered = new ArrayList<>();
    for (CompletableFuture<T> answer : answers) {
      T value = answer.join();
      if (value != null) {
        answered.add(value);
      }
    }
    return answered;
  }

  /**
   * Opens {@code GET path} as an event stream on {@code peer}, for what that server sends itself,
   * and hands its body to {@code subscriber}. Such a stream has no time limit.
   *
   * @return completes when the stream ends, also when the server could not be reached
   */
  public CompletableFuture<Void> streamFrom(
      Peer peer,
      String path,
      Map<String, String> credentials,
      Flow.Subscriber<List<ByteBuffer>> subscriber) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(peer.url() + path))
            .header(PeerProxy.FORWARDED_BY, cluster.settings().nodeId())
            .header(OWN_ANSWER, "true")
            .header("Accept", "text/event-stream")
            .GET();
    credentials.forEach(request::header);
    return http.sendAsync(request.build(), BodyHandlers.fromSubscriber(subscriber))
        .handle(
            (answer, error) -> {
              LOG.log(
                  Level.FINE,
                  "Event stream {0} of server {1} ended: {2}",
                  new Object[] {path, peer.nodeId(), error != null ? error : answer.statusCode()});
              return null;
            });
  }

  private <T> CompletableFuture<T> ask(
      Peer peer, String pathAndQuery, Class<T> type, Map<String, String> credentials) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(peer.url() + pathAndQuery))
            .timeout(cluster.settings().requestTimeout())
            .header(PeerProxy.FORWARDED_BY, cluster.settings().nodeId())
            .header(OWN_ANSWER, "true")
            .header("Accept", "application/json")
            .GET();
    credentials.forEach(request::header);
    return http.sendAsync(request.build(), BodyHandlers.ofString())
        .thenApply(answer -> parse(peer, pathAndQuery, answer, type))
        .exceptionally(
            e -> {
              LOG.log(Level.FINE, "Server " + peer.nodeId() + " did not answer " + pathAndQuery, e);
              return null;
            });
  }

  private <T> T parse(Peer peer, String pathAndQuery, HttpResponse<String> answer, Class<T> type) {
    if (answer.statusCode() != 200) {
      LOG.log(
          Level.FINE,
          "Server {0} answered {1} to {2}",
          new Object[] {peer.nodeId(), answer.statusCode(), pathAndQuery});
      return null;
    }
    return json.fromJson(answer.body(), type);
  }
}
