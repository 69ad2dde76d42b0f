package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.server.domain.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every rule in force, from three sources: the rules file (read-only, reloaded on change), the API
 * (persisted) and the default pack; a name defined by a file rule hides the API's and the pack's,
 * an API rule hides the pack's. Changes publish {@link AlertRulesChanged}.
 */
@ApplicationScoped
public class AlertRules {

  private static final Logger LOG = Logger.getLogger(AlertRules.class.getName());

  @Inject AlertSettingsProducer settingsProducer;

  @Inject AlertStore store;

  @Inject Event<AlertRulesChanged> changes;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final Map<String, AlertRule> apiRules = new LinkedHashMap<>();
  private volatile List<AlertRule> fileRules = List.of();
  private volatile List<AlertRule> defaults = List.of();
  private volatile Map<String, CompiledRule> inForce = Map.of();
  private volatile List<CompiledRule> inForceList = List.of();
  private volatile RulesFile.Stamp seen = RulesFile.Stamp.ABSENT;
  private ScheduledFuture<?> polling;

  @PostConstruct
  void load() {
    AlertSettings settings = settingsProducer.settings();
    defaults = settings.defaultRules() ? DefaultRules.all() : List.of();
    try {
      synchronized (this) {
        store.loadRules().forEach(r -> apiRules.put(r.name(), r));
      }
    } catch (IllegalStateException e) {
      LOG.log(Level.WARNING, "Alert rules not restored: {0}", e.getMessage());
    }
    settings.rulesFile().map(Path::of).ifPresent(this::watch);
    rebuild(Set.of());
    LOG.log(
        Level.INFO,
        "Alerting: {0} rule(s) in force ({1} default, {2} from the API, {3} from the rules file)",
        new Object[] {inForce.size(), defaults.size(), apiRules.size(), fileRules.size()});
  }

  @PreDestroy
  synchronized void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
  }

  /** Every rule in force, by name. */
  public List<AlertRule> all() {
    return inForce.values().stream().map(CompiledRule::rule).toList();
  }

  /** The rules in force; the same list until they change (evaluation plans are kept for it). */
  List<CompiledRule> compiled() {
    return inForceList;
  }

  public Optional<AlertRule> find(String name) {
    return Optional.ofNullable(inForce.get(name)).map(CompiledRule::rule);
  }

  /**
   * Adds a rule through the API.
   *
   * @throws DomainException 409 if an API or file rule has the name (a default rule may be
   *     overridden)
   */
  public void create(AlertRule rule) {
    synchronized (this) {
      AlertRule existing = find(rule.name()).orElse(null);
      if (existing != null && !AlertRule.SOURCE_DEFAULT.equals(existing.source())) {
        throw DomainException.conflict("rule " + rule.name() + " exists");
      }
      apiRules.put(rule.name(), rule);
      store.saveRule(rule);
    }
    rebuild(Set.of(rule.name()));
  }

  /** Replaces an API rule; 404 if there is none, 409 if the rule is read-only. */
  public void replace(AlertRule rule) {
    synchronized (this) {
      writable(rule.name());
      apiRules.put(rule.name(), rule);
      store.saveRule(rule);
    }
    rebuild(Set.of(rule.name()));
  }

  public void delete(String name) {
    synchronized (this) {
      writable(name);
      apiRules.remove(name);
      store.deleteRule(name);
    }
    rebuild(Set.of(name));
  }

  /**
   * In a cluster: takes the API rules as the shared store has them, so that a rule created,
   * replaced or deleted through another server applies here too. This server's own changes are
   * written first (under the same lock as they are made), so none is undone by the load.
   */
  public void reloadStored() {
    boolean changed;
    int fromApi;
    synchronized (this) {
      if (!store.flush()) {
        return; // the database is unavailable: keep the rules as they are
      }
      Map<String, AlertRule> stored = new LinkedHashMap<>();
      try {
        store.loadRules().forEach(r -> stored.put(r.name(), r));
      } catch (IllegalStateException e) {
        LOG.log(Level.FINE, "Alert rules not reloaded: {0}", e.getMessage());
        return;
      }
      changed = !stored.equals(apiRules);
      if (changed) {
        apiRules.clear();
        apiRules.putAll(stored);
      }
      fromApi = apiRules.size();
    }
    if (changed) {
      LOG.log(Level.INFO, "Alert rules changed through another server; {0} from the API", fromApi);
      rebuild(Set.of());
    }
  }

  private void writable(String name) {
    AlertRule existing = find(name).orElseThrow(() -> DomainException.notFound("rule not found"));
    if (existing.readOnly()) {
      throw DomainException.conflict(
          "rule " + name + " comes from the " + existing.source() + " rules and is read-only");
    }
  }

  private void watch(Path file) {
    reloadIfChanged(file);
    long period = settingsProducer.settings().rulesFilePollInterval().toMillis();
    synchronized (this) {
      polling =
          scheduler.scheduleWithFixedDelay(
              () -> {
                if (reloadIfChanged(file)) {
                  rebuild(Set.of());
                }
              },
              period,
              period,
              TimeUnit.MILLISECONDS);
    }
  }

  /** Reads the file if it changed; true if its rules were taken. */
  boolean reloadIfChanged(Path file) {
    RulesFile.Stamp now = RulesFile.Stamp.of(file);
    if (now.equals(seen)) {
      return false;
    }
    seen = now;
    if (now.equals(RulesFile.Stamp.ABSENT)) {
      LOG.log(Level.WARNING, "Alert rules file {0} is missing; its rules stay as they were", file);
      return false;
    }
    try {
      fileRules = RulesFile.read(file);
      LOG.log(
          Level.INFO, "Alert rules file {0}: {1} rule(s)", new Object[] {file, fileRules.size()});
      return true;
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(
          Level.WARNING,
          "Alert rules file {0} not taken, its previous rules stay: {1}",
          new Object[] {file, e.getMessage()});
      return false;
    }
  }

  private void rebuild(Set<String> touched) {
    Map<String, CompiledRule> previous;
    Set<String> changed = new HashSet<>(touched);
    synchronized (this) {
      previous = inForce;
      Map<String, AlertRule> merged = new LinkedHashMap<>();
      defaults.forEach(r -> merged.put(r.name(), r));
      apiRules.values().forEach(r -> merged.put(r.name(), r));
      fileRules.forEach(r -> merged.put(r.name(), r));
      Map<String, CompiledRule> compiled = new LinkedHashMap<>();
      merged.values().forEach(r -> compiled.put(r.name(), new CompiledRule(r)));
      inForce = compiled;
      inForceList = List.copyOf(compiled.values());
      Set<String> names = new HashSet<>(previous.keySet());
      names.addAll(compiled.keySet());
      for (String name : names) {
        CompiledRule before = previous.get(name);
        CompiledRule after = compiled.get(name);
        if (before == null || after == null || !Objects.equals(before.rule(), after.rule())) {
          changed.add(name);
        }
      }
    }
    if (!changed.isEmpty() && !previous.isEmpty()) {
      changes.fire(new AlertRulesChanged(Set.copyOf(changed)));
    }
  }

  /** The names of rules in force, for messages. */
  List<String> names() {
    return new ArrayList<>(inForce.keySet());
  }
}
