package io.nodelink.metrics.server.prometheus.exposition;

import io.nodelink.metrics.server.prometheus.AgentSamples;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * What {@code GET /metrics/prometheus} does after reading the agents' latest samples, for the
 * benchmarks: the fleet's snapshot per family ({@link FleetSnapshots}) written by the format a
 * scraper asks for ({@link ExpositionFormat}). In the exposition's package because both are
 * package-private there.
 */
public final class BenchScrape {

  private BenchScrape() {}

  /** Writes every agent's samples (all connected) as a scrape with {@code accept} gets them. */
  public static void write(List<AgentSamples> fleet, String accept, OutputStream out)
      throws IOException {
    FleetSnapshots snapshots = new FleetSnapshots();
    for (AgentSamples agent : fleet) {
      snapshots.add(agent.agentId(), true, agent);
    }
    ExpositionFormat.forAccept(accept).write(out, snapshots.build());
  }
}
