package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.view.AgentSummaryDto;
import io.nodelink.metrics.server.view.AgentsDto;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fleet as every server of the cluster sees it: each other live server is asked for the agents
 * it holds (in parallel, with the caller's credentials), and an agent connected to one of them
 * replaces this server's older, offline view of it. A server that does not answer in time leaves
 * its agents as this server knows them.
 */
@ApplicationScoped
public class ClusterFleet {

  private static final Logger LOG = Logger.getLogger(ClusterFleet.class.getName());

  private static final String AGENTS_PATH = "/metrics/agents";

  @Inject ClusterNode cluster;

  @Resource(lookup = "concurrent/nodelinkExecutor")
  ManagedExecutorService executor;

  private final Jsonb json = Json.create();
  private HttpClient http;

  @PostConstruct
  void createClient() {
    http =
        HttpClient.newBuilder()
            .executor(executor)
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /**
   * Adds to {@code local} (this server's agents by id) the agents connected to other servers.
   *
   * @param credentials the caller's {@code Authorization} and {@code Cookie} headers (name, value)
   */
  public void addOtherServers(Map<String, AgentSummaryDto> local, Map<String, String> credentials) {
    if (!cluster.enabled() || cluster.peers().isEmpty()) {
      return;
    }
    List<CompletableFuture<AgentsDto>> answers = new ArrayList<>();
    for (Peer peer : cluster.peers()) {
      answers.add(ask(peer, credentials));
    }
    for (CompletableFuture<AgentsDto> answer : answers) {
      AgentsDto agents = answer.join();
      if (agents != null && agents.agents() != null) {
        agents.agents().forEach((id, summary) -> merge(local, id, summary));
      }
    }
  }

  private static void merge(Map<String, AgentSummaryDto> fleet, String id, AgentSummaryDto other) {
    AgentSummaryDto mine = fleet.get(id);
    if (mine == null || (other.connected() && !mine.connected())) {
      fleet.put(id, other);
    }
  }

  private CompletableFuture<AgentsDto> ask(Peer peer, Map<String, String> credentials) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(peer.url() + AGENTS_PATH))
            .timeout(cluster.settings().requestTimeout())
            .header(PeerProxy.FORWARDED_BY, cluster.settings().nodeId())
            .header("Accept", "application/json")
            .GET();
    credentials.forEach(request::header);
    return http.sendAsync(request.build(), BodyHandlers.ofString())
        .thenApply(answer -> parse(peer, answer))
        .exceptionally(
            e -> {
              LOG.log(Level.FINE, "Server " + peer.nodeId() + " did not list its agents", e);
              return null;
            });
  }

  private AgentsDto parse(Peer peer, HttpResponse<String> answer) {
    if (answer.statusCode() != 200) {
      LOG.log(
          Level.FINE,
          "Server {0} answered {1} to the agent listing",
          new Object[] {peer.nodeId(), answer.statusCode()});
      return null;
    }
    return json.fromJson(answer.body(), AgentsDto.class);
  }
}
