package io.nodelink.metrics.server.prometheus.remotewrite;

import io.nodelink.metrics.server.delivery.Backoff;
import io.nodelink.metrics.server.prometheus.AgentSamples;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * One destination: {@code shards} lanes, each with its part of the queue and one request in flight,
 * so a fleet's samples go out in parallel while every agent's series (routed by agent id to one
 * lane) reach the receiver in time order. The lanes share one backoff: a receiver that fails is
 * given a rest by all of them, and the outage is logged once.
 */
final class RemoteWriteSender {

  private final RemoteWriteSettings settings;
  private final Clock clock;
  private final RemoteWriteShard[] shards;

  RemoteWriteSender(
      RemoteWriteSettings settings, Executor executor, Clock clock, DeliveryCounts counts) {
    this.settings = settings;
    this.clock = clock;
    RemoteWriteClient client = new RemoteWriteClient(settings, executor);
    Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
    int lanes = settings.shards();
    int queuePerLane = Math.max(1, (settings.queueMaxSamples() + lanes - 1) / lanes);
    this.shards = new RemoteWriteShard[lanes];
    for (int i = 0; i < lanes; i++) {
      shards[i] =
          new RemoteWriteShard(settings, client, queuePerLane, executor, clock, counts, backoff);
    }
  }

  String name() {
    return settings.name();
  }

  void offer(AgentSamples samples) {
    shards[Math.floorMod(samples.agentId().hashCode(), shards.length)].offer(samples);
  }

  /** Starts sending on every lane with something queued, unless it sends already or must wait. */
  void flush() {
    for (RemoteWriteShard shard : shards) {
      shard.flush();
    }
  }

  long queuedSamples() {
    return Arrays.stream(shards).mapToLong(RemoteWriteShard::queuedSamples).sum();
  }

  double lagSeconds() {
    long oldest =
        Arrays.stream(shards)
            .mapToLong(RemoteWriteShard::oldestMillis)
            .filter(millis -> millis > 0)
            .min()
            .orElse(0);
    return oldest == 0 ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
  }
}
