package io.nodelink.metrics.server.prometheus.remotewrite;

import io.nodelink.metrics.server.prometheus.SamplesConverted;
import io.nodelink.metrics.server.prometheus.SnapshotConversion;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The configured remote-write destinations, read once when the application starts (none when {@code
 * nodelink.remote-write.enabled} is false): each gets a {@link RemoteWriteSender}, flushed every
 * {@code flush-interval} by the managed scheduler; every converted snapshot is queued on each.
 *
 * <p>Requests run on threads of their own, made by the container's managed thread factory: a
 * managed executor queues its tasks on Liberty's shared pool behind every agent message, and each
 * HTTP exchange takes several steps through its executor, so under a fleet's load a request waited
 * hundreds of milliseconds between steps and remote-write fell behind the samples coming in.
 */
@ApplicationScoped
public class RemoteWriteDestinations {

  private static final Logger LOG = Logger.getLogger(RemoteWriteDestinations.class.getName());

  /** Off switch for every destination (default on). */
  static final String ENABLED = "nodelink.remote-write.enabled";

  private final List<RemoteWriteSender> senders = new CopyOnWriteArrayList<>();
  private final List<ScheduledFuture<?>> ticks = new ArrayList<>();

  @Inject Config config;

  @Inject Clock clock;

  @Inject MetricRegistry registry;

  @Inject SnapshotConversion conversion;

  @Resource ManagedThreadFactory threadFactory;

  private ThreadPoolExecutor threads;

  @Resource ManagedScheduledExecutorService scheduler;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (!config.getOptionalValue(ENABLED, Boolean.class).orElse(true)) {
      LOG.log(Level.INFO, "Remote-write is off ({0}=false)", ENABLED);
      return;
    }
    List<RemoteWriteSettings> all =
        RemoteWriteSettings.all(
            config.getPropertyNames(), key -> config.getOptionalValue(key, String.class));
    if (all.isEmpty()) {
      return;
    }
    threads = senderThreads(all);
    for (RemoteWriteSettings settings : all) {
      DestinationMetrics metrics = new DestinationMetrics(registry, settings.name());
      RemoteWriteSender sender = new RemoteWriteSender(settings, threads, clock, metrics);
      metrics.watch(sender);
      senders.add(sender);
      conversion.convertAlways();
      long period = settings.flushInterval().toMillis();
      ticks.add(
          scheduler.scheduleAtFixedRate(sender::flush, period, period, TimeUnit.MILLISECONDS));
      LOG.log(
          Level.INFO,
          "Remote-write {0} to {1} (queue {2} samples, batches of {3}, {4} in flight)",
          new Object[] {
            settings.name(),
            settings.safeUrl(),
            settings.queueMaxSamples(),
            settings.batchMaxSamples(),
            settings.shards()
          });
    }
  }

  /**
   * Two threads per lane (its send loop, which waits for each answer, and the HTTP client's steps
   * of that request) plus two; they end after a minute without work.
   */
  private ThreadPoolExecutor senderThreads(List<RemoteWriteSettings> all) {
    int size = 2 + 2 * all.stream().mapToInt(RemoteWriteSettings::shards).sum();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            size, size, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threadFactory);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  void onSamples(@Observes SamplesConverted event) {
    for (RemoteWriteSender sender : senders) {
      sender.offer(event.samples());
    }
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
    ticks.forEach(tick -> tick.cancel(false));
    ticks.clear();
    if (threads != null) {
      threads.shutdownNow();
    }
  }
}
