package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.server.domain.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The silences: created and deleted through the API, persisted, dropped once they end. Silenced
 * alerts still change state and are logged; notifications skip them.
 */
@ApplicationScoped
public class Silences {

  private static final Logger LOG = Logger.getLogger(Silences.class.getName());

  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  static final int MAX_SILENCES = 1000;

  private final List<Silence> silences = new CopyOnWriteArrayList<>();

  @Inject AlertStore store;

  @Inject Clock clock;

  @PostConstruct
  void restore() {
    try {
      silences.addAll(store.loadSilences());
    } catch (IllegalStateException e) {
      LOG.log(Level.WARNING, "Silences not restored: {0}", e.getMessage());
    }
  }

  /** Silences that have not ended. */
  public List<Silence> active() {
    Instant now = clock.instant();
    return silences.stream().filter(s -> s.activeAt(now)).toList();
  }

  /** Whether a silence in force covers the alert. */
  public boolean isSilenced(Alert alert) {
    Instant now = clock.instant();
    for (Silence s : silences) {
      if (s.activeAt(now) && s.matches(alert)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Creates a silence from a request body {@code {"matchers": {...}, "until": "...Z", "comment":
   * "..."}}.
   *
   * @throws DomainException 400 naming the bad field, 503 past {@value #MAX_SILENCES}
   */
  public Silence create(JsonObject body, String createdBy) {
    Map<String, String> matchers = matchers(body);
    Instant now = clock.instant();
    Instant until = until(body, now);
    String comment = comment(body);
    expire();
    Silence silence =
        new Silence(UUID.randomUUID().toString(), matchers, now, until, createdBy, comment);
    synchronized (this) {
      if (silences.size() >= MAX_SILENCES) {
        throw DomainException.limitReached("too many silences (" + MAX_SILENCES + ")");
      }
      silences.add(silence);
      store.saveSilence(silence);
    }
    LOG.log(Level.INFO, "Silence {0} until {1}: {2}", new Object[] {silence.id(), until, matchers});
    return silence;
  }

  /** Ends a silence; 404 if there is none. */
  public synchronized void delete(String id) {
    if (!silences.removeIf(s -> s.id().equals(id))) {
      throw DomainException.notFound("silence not found");
    }
    store.deleteSilence(id);
  }

  /** Forgets the silences that have ended. */
  synchronized void expire() {
    Instant now = clock.instant();
    for (Silence s : silences) {
      if (!s.activeAt(now)) {
        silences.remove(s);
        store.deleteSilence(s.id());
      }
    }
  }

  /**
   * In a cluster: takes the silences as the shared store has them, so that one created or ended
   * through another server applies here too; this server's own changes are written first.
   */
  public synchronized void reloadStored() {
    if (!store.flush()) {
      return; // the database is unavailable: keep the silences as they are
    }
    try {
      List<Silence> stored = store.loadSilences();
      silences.retainAll(stored);
      stored.stream().filter(s -> !silences.contains(s)).forEach(silences::add);
    } catch (IllegalStateException e) {
      LOG.log(Level.FINE, "Silences not reloaded: {0}", e.getMessage());
    }
  }

  private static Map<String, String> matchers(JsonObject body) {
    JsonValue value = body.get("matchers");
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw DomainException.badRequest(
          "matchers: required, an object such as {\"rule\":\"HighCpu\"}");
    }
    Map<String, String> matchers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
      if (!KEY.matcher(e.getKey()).matches()
          || e.getValue().getValueType() != JsonValue.ValueType.STRING
          || ((JsonString) e.getValue()).getString().isEmpty()) {
        throw DomainException.badRequest(
            "matchers: names such as rule, agent_id, instance,"
                + " severity or a label, each with a non-empty string (* = any characters)");
      }
      matchers.put(e.getKey(), ((JsonString) e.getValue()).getString());
    }
    if (matchers.isEmpty() || matchers.size() > 20) {
      throw DomainException.badRequest("matchers: 1-20 matchers");
    }
    return matchers;
  }

  private static Instant until(JsonObject body, Instant now) {
    JsonValue value = body.get("until");
    if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
      throw DomainException.badRequest(
          "until: required, an RFC 3339 time such as 2026-12-01T08:00:00Z");
    }
    try {
      Instant until = Instant.parse(((JsonString) value).getString());
      if (!until.isAfter(now)) {
        throw DomainException.badRequest("until: must be in the future");
      }
      return until;
    } catch (DateTimeParseException e) {
      throw DomainException.badRequest("until: not an RFC 3339 UTC time (2026-12-01T08:00:00Z)");
    }
  }

  private static String comment(JsonObject body) {
    JsonValue value = body.get("comment");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return "";
    }
    if (value.getValueType() != JsonValue.ValueType.STRING
        || ((JsonString) value).getString().length() > 1000) {
      throw DomainException.badRequest("comment: a string of at most 1000 characters");
    }
    return ((JsonString) value).getString();
  }
}
