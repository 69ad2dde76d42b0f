package io.nodelink.metrics.agent.sim;

import io.grpc.ManagedChannel;
import io.nodelink.metrics.agent.config.AgentConfig;
import io.nodelink.metrics.agent.stream.AgentConnection;
import io.nodelink.metrics.agent.stream.Backoff;
import io.nodelink.metrics.agent.stream.Channels;
import io.nodelink.metrics.agent.stream.SnapshotSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * N simulated agents with ids {@code <agent-id>-<i>}, sharing one token, spread over a few channels
 * and one scheduler. Each runs the same protocol code as the real agent, so the server cannot tell
 * them apart.
 */
public final class Simulator implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Simulator.class.getName());

  private final List<ManagedChannel> channels = new ArrayList<>();
  private final List<AgentConnection> agents = new ArrayList<>();
  private final ScheduledThreadPoolExecutor scheduler;

  /** Builds the simulated agents over channels made by {@code channelFactory}. */
  public Simulator(AgentConfig config, IntFunction<ManagedChannel> channelFactory, Clock clock) {
    this(config, channelFactory, clock, (id, host) -> host);
  }

  /**
   * Builds the simulated agents, each host's data passing through {@code sources} (agent id, its
   * simulated host → the source the agent uses). The server load benchmark wraps the hosts to learn
   * when each snapshot is sent.
   */
  public Simulator(
      AgentConfig config,
      IntFunction<ManagedChannel> channelFactory,
      Clock clock,
      BiFunction<String, SnapshotSource, SnapshotSource> sources) {
    int n = config.simulate();
    scheduler =
        new ScheduledThreadPoolExecutor(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
            r -> {
              Thread t = new Thread(r, "simulator");
              t.setDaemon(true);
              return t;
            });
    scheduler.setRemoveOnCancelPolicy(true);
    for (int c = 0; c < config.simulateChannels(); c++) {
      channels.add(channelFactory.apply(c));
    }
    for (int i = 0; i < n; i++) {
      String id = config.agentId() + "-" + i;
      agents.add(
          new AgentConnection(
              id,
              config.agentToken(),
              config.server(),
              channels.get(i % channels.size()),
              sources.apply(id, new SimulatedHost(id, i * 7919L + 17, clock)),
              scheduler,
              new Backoff(
                  config.reconnectInitialSeconds() * 1000L,
                  config.reconnectMaxSeconds() * 1000L,
                  () -> ThreadLocalRandom.current().nextDouble()),
              true));
    }
  }

  /** The simulator for a configuration, on real channels. */
  public static Simulator forConfig(AgentConfig config) {
    return new Simulator(config, c -> Channels.forConfig(config), Clock.systemUTC());
  }

  /** Starts every agent, spread over the first second so they do not all connect at once. */
  public void start() {
    LOG.log(
        Level.INFO,
        "simulating {0} agents over {1} channel(s)",
        new Object[] {agents.size(), channels.size()});
    for (int i = 0; i < agents.size(); i++) {
      AgentConnection a = agents.get(i);
      scheduler.schedule(a::start, (i * 1000L) / Math.max(1, agents.size()), TimeUnit.MILLISECONDS);
    }
  }

  /** How many simulated agents are streaming now. */
  public long streamingCount() {
    return agents.stream().filter(AgentConnection::isStreaming).count();
  }

  /** How many calls the agents opened in total: one each, plus one per reconnect. */
  public long connectCount() {
    return agents.stream().mapToLong(AgentConnection::connectCount).sum();
  }

  @Override
  public void close() throws InterruptedException {
    for (AgentConnection a : agents) {
      a.beginStop();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    for (AgentConnection a : agents) {
      a.awaitStopped(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
    scheduler.shutdown();
    for (ManagedChannel ch : channels) {
      ch.shutdown();
    }
    for (ManagedChannel ch : channels) {
      if (!ch.awaitTermination(2, TimeUnit.SECONDS)) {
        ch.shutdownNow();
      }
    }
    scheduler.shutdownNow();
  }
}
