package io.nodelink.metrics.server.alerts.notify;

import io.nodelink.metrics.server.alerts.Alert;
import io.nodelink.metrics.server.alerts.AlertBook;
import io.nodelink.metrics.server.alerts.AlertChanged;
import io.nodelink.metrics.server.alerts.AlertKey;
import io.nodelink.metrics.server.alerts.AlertSettingsProducer;
import io.nodelink.metrics.server.alerts.AlertState;
import io.nodelink.metrics.server.alerts.Silences;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Sends alerts to the configured receivers (read once at start): an alert that fires or resolves is
 * queued on each, unless a silence covers it; a firing alert is sent again every {@code
 * repeat-interval} of the receiver (Alertmanager at least every minute, so it does not resolve it
 * by itself). Receivers are flushed on {@code nodelink.alerts.tick}.
 */
@ApplicationScoped
public class Notifications {

  private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

  /** Alertmanager ends an alert it has not heard of for its resolve_timeout (5 min by default). */
  private static final Duration ALERTMANAGER_RESEND = Duration.ofMinutes(1);

  private final List<Receiver> receivers = new CopyOnWriteArrayList<>();

  /** When each (receiver, alert) was last sent while firing. */
  private final Map<String, Map<AlertKey, Instant>> lastSent = new ConcurrentHashMap<>();

  @Inject Config config;

  @Inject AlertSettingsProducer settings;

  @Inject AlertBook book;

  @Inject Silences silences;

  @Inject Clock clock;

  @Inject MetricRegistry registry;

  @Resource(lookup = "concurrent/nodelinkExecutor")
  ManagedExecutorService executor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> tick;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (!settings.settings().enabled()) {
      return;
    }
    List<ReceiverSettings> all =
        ReceiverSettings.all(
            config.getPropertyNames(),
            key -> config.getOptionalValue(key, String.class),
            settings.settings().repeatInterval());
    for (ReceiverSettings s : all) {
      receivers.add(new Receiver(s, executor, clock, new ReceiverMetrics(registry, s.name())));
      lastSent.put(s.name(), new ConcurrentHashMap<>());
      LOG.log(
          Level.INFO,
          "Alert notifications to {0} (repeat every {1})",
          new Object[] {s, s.repeatInterval()});
    }
    if (!receivers.isEmpty()) {
      long period = settings.settings().tick().toMillis();
      synchronized (this) {
        tick = scheduler.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
      }
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (tick != null) {
      tick.cancel(false);
    }
  }

  void onAlert(@Observes AlertChanged event) {
    Alert alert = event.alert();
    AlertState from = event.transition().from();
    boolean fired = alert.state() == AlertState.FIRING;
    boolean resolved = alert.state() == AlertState.RESOLVED && from == AlertState.FIRING;
    if (receivers.isEmpty() || !(fired || resolved)) {
      return;
    }
    if (silences.isSilenced(alert)) {
      forget(alert.key());
      return;
    }
    for (Receiver receiver : receivers) {
      receiver.offer(alert);
      Map<AlertKey, Instant> sent = lastSent.get(receiver.settings().name());
      if (fired) {
        sent.put(alert.key(), clock.instant());
      } else {
        sent.remove(alert.key());
      }
    }
  }

  /** Repeats for alerts still firing, then flushes every receiver. */
  void tick() {
    try {
      Instant now = clock.instant();
      for (Receiver receiver : receivers) {
        repeat(receiver, now);
        receiver.flush();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Alert notification tick failed", e);
    }
  }

  private void repeat(Receiver receiver, Instant now) {
    Duration every = repeatInterval(receiver.settings());
    Map<AlertKey, Instant> sent = lastSent.get(receiver.settings().name());
    Set<AlertKey> firing = new HashSet<>();
    for (Alert alert : book.active()) {
      if (alert.state() != AlertState.FIRING || silences.isSilenced(alert)) {
        continue;
      }
      firing.add(alert.key());
      Instant last = sent.get(alert.key());
      if (last == null || !now.isBefore(last.plus(every))) {
        receiver.offer(alert);
        sent.put(alert.key(), now);
      }
    }
    sent.keySet().retainAll(firing);
  }

  private static Duration repeatInterval(ReceiverSettings s) {
    if (ReceiverSettings.ALERTMANAGER.equals(s.kind())
        && s.repeatInterval().compareTo(ALERTMANAGER_RESEND) > 0) {
      return ALERTMANAGER_RESEND;
    }
    return s.repeatInterval();
  }

  private void forget(AlertKey key) {
    lastSent.values().forEach(m -> m.remove(key));
  }
}
