package io.nodelink.metrics.server.prometheus;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The newest samples of each agent, what a scrape of the fleet shows. */
@ApplicationScoped
public class LatestSamples {

  private final ConcurrentMap<String, AgentSamples> latest = new ConcurrentHashMap<>();

  public Optional<AgentSamples> of(String agentId) {
    return Optional.ofNullable(latest.get(agentId));
  }

  void put(AgentSamples samples) {
    latest.put(samples.agentId(), samples);
  }

  void remove(String agentId) {
    latest.remove(agentId);
  }
}
