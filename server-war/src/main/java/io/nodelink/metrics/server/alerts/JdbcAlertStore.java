package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.server.database.Rows;
import io.nodelink.metrics.server.database.SqlWork;
import io.nodelink.metrics.server.database.StateDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Alerting's tables ({@code V2__alerts.sql}) in the state database {@code jdbc/nodelink}. */
@ApplicationScoped
public class JdbcAlertStore implements AlertStore {

  private static final String RULE_UPDATE =
      "UPDATE nodelink_alert_rule SET definition = ? WHERE name = ?";
  private static final String RULE_INSERT =
      "INSERT INTO nodelink_alert_rule (definition, name) VALUES (?, ?)";
  private static final String STATE_UPDATE =
      "UPDATE nodelink_alert_state SET rule_name = ?, agent_id = ?, instance = ?, state = ?,"
          + " severity = ?, alert_value = ?, active_since = ?, firing_since = ?, summary = ?"
          + " WHERE alert_key = ?";
  private static final String STATE_INSERT =
      "INSERT INTO nodelink_alert_state (rule_name, agent_id, instance, state, severity,"
          + " alert_value, active_since, firing_since, summary, alert_key)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String EVENT_INSERT =
      "INSERT INTO nodelink_alert_event (event_id, at_millis, rule_name, agent_id, instance,"
          + " from_state, to_state, severity, alert_value, summary)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SILENCE_INSERT =
      "INSERT INTO nodelink_alert_silence (silence_id, matchers, starts_at, until_at, created_by,"
          + " comment) VALUES (?, ?, ?, ?, ?, ?)";

  private final StateDatabase database;

  @Inject
  public JdbcAlertStore(StateDatabase database) {
    this.database = database;
  }

  /** For the CDI proxy only. */
  protected JdbcAlertStore() {
    this(null);
  }

  @Override
  public void saveRule(AlertRule rule) {
    database.write(
        "alert-rule:" + rule.name(),
        c ->
            Rows.updateElseInsert(
                c,
                RULE_UPDATE,
                RULE_INSERT,
                s -> {
                  s.setString(1, RuleJson.write(rule));
                  s.setString(2, rule.name());
                }));
  }

  @Override
  public void deleteRule(String name) {
    database.write(
        "alert-rule:" + name,
        c -> update(c, "DELETE FROM nodelink_alert_rule WHERE name = ?", name));
  }

  @Override
  public List<AlertRule> loadRules() {
    return read(
        "alert rules",
        c -> {
          List<AlertRule> rules = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement("SELECT definition FROM nodelink_alert_rule");
              ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
              rules.add(RuleJson.parse(rows.getString(1), AlertRule.SOURCE_API));
            }
          }
          return rules;
        });
  }

  @Override
  public void saveAlert(Alert alert) {
    String key = alert.key().id();
    if (!alert.state().active()) {
      database.write(
          "alert:" + key,
          c -> update(c, "DELETE FROM nodelink_alert_state WHERE alert_key = ?", key));
      return;
    }
    database.write(
        "alert:" + key,
        c ->
            Rows.updateElseInsert(
                c,
                STATE_UPDATE,
                STATE_INSERT,
                s -> {
                  s.setString(1, alert.key().rule());
                  s.setString(2, alert.key().agentId());
                  s.setString(3, alert.key().instance());
                  s.setString(4, alert.state().json());
                  s.setString(5, alert.severity());
                  s.setDouble(6, alert.value());
                  Rows.setInstant(s, 7, alert.activeSince());
                  Rows.setInstant(s, 8, alert.firingSince());
                  s.setString(9, Rows.bounded(alert.summary(), 1000));
                  s.setString(10, key);
                }));
  }

  @Override
  public List<Alert> loadActive() {
    return read(
        "active alerts",
        c -> {
          try (PreparedStatement s = c.prepareStatement("SELECT * FROM nodelink_alert_state")) {
            return alerts(s);
          }
        });
  }

  @Override
  public List<Alert> loadActive(String agentId) {
    return read(
        "active alerts of " + agentId,
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT * FROM nodelink_alert_state WHERE agent_id = ?")) {
            s.setString(1, agentId);
            return alerts(s);
          }
        });
  }

  private static List<Alert> alerts(PreparedStatement select) throws SQLException {
    List<Alert> alerts = new ArrayList<>();
    try (ResultSet r = select.executeQuery()) {
      while (r.next()) {
        alerts.add(
            new Alert(
                new AlertKey(
                    r.getString("rule_name"), r.getString("agent_id"), r.getString("instance")),
                AlertState.of(r.getString("state")),
                r.getString("severity"),
                r.getDouble("alert_value"),
                Rows.instant(r, "active_since"),
                Rows.instant(r, "firing_since"),
                null,
                r.getString("summary"),
                Map.of()));
      }
    }
    return alerts;
  }

  @Override
  public boolean flush() {
    return database.flush();
  }

  @Override
  public void appendTransition(AlertTransition t) {
    database.write(
        "alert-event:" + t.id(),
        c -> {
          try (PreparedStatement s = c.prepareStatement(EVENT_INSERT)) {
            s.setString(1, t.id());
            s.setLong(2, t.at().toEpochMilli());
            s.setString(3, t.key().rule());
            s.setString(4, t.key().agentId());
            s.setString(5, t.key().instance());
            s.setString(6, t.from().json());
            s.setString(7, t.to().json());
            s.setString(8, t.severity());
            s.setDouble(9, t.value());
            s.setString(10, Rows.bounded(t.summary(), 1000));
            s.executeUpdate();
          }
        });
  }

  @Override
  public List<AlertTransition> loadTransitions(Instant since, int limit) {
    return read(
        "alert log",
        c -> {
          List<AlertTransition> log = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT * FROM nodelink_alert_event WHERE at_millis >= ?"
                      + " ORDER BY at_millis DESC")) {
            s.setLong(1, since.toEpochMilli());
            s.setMaxRows(limit);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                log.add(
                    new AlertTransition(
                        r.getString("event_id"),
                        Instant.ofEpochMilli(r.getLong("at_millis")),
                        new AlertKey(
                            r.getString("rule_name"),
                            r.getString("agent_id"),
                            r.getString("instance")),
                        AlertState.of(r.getString("from_state")),
                        AlertState.of(r.getString("to_state")),
                        r.getString("severity"),
                        r.getDouble("alert_value"),
                        r.getString("summary")));
              }
            }
          }
          return log;
        });
  }

  @Override
  public void pruneTransitions(Instant cutoff) {
    database.write(
        "alert-event-prune",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM nodelink_alert_event WHERE at_millis < ?")) {
            s.setLong(1, cutoff.toEpochMilli());
            s.executeUpdate();
          }
        });
  }

  @Override
  public void saveSilence(Silence silence) {
    database.write(
        "alert-silence:" + silence.id(),
        c -> {
          update(c, "DELETE FROM nodelink_alert_silence WHERE silence_id = ?", silence.id());
          try (PreparedStatement s = c.prepareStatement(SILENCE_INSERT)) {
            s.setString(1, silence.id());
            s.setString(2, matchersJson(silence.matchers()));
            s.setLong(3, silence.startsAt().toEpochMilli());
            s.setLong(4, silence.until().toEpochMilli());
            s.setString(5, Rows.bounded(silence.createdBy(), 128));
            s.setString(6, Rows.bounded(silence.comment(), 1000));
            s.executeUpdate();
          }
        });
  }

  @Override
  public void deleteSilence(String id) {
    database.write(
        "alert-silence:" + id,
        c -> update(c, "DELETE FROM nodelink_alert_silence WHERE silence_id = ?", id));
  }

  @Override
  public List<Silence> loadSilences() {
    return read(
        "silences",
        c -> {
          List<Silence> silences = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement("SELECT * FROM nodelink_alert_silence");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              silences.add(
                  new Silence(
                      r.getString("silence_id"),
                      matchers(r.getString("matchers")),
                      Instant.ofEpochMilli(r.getLong("starts_at")),
                      Instant.ofEpochMilli(r.getLong("until_at")),
                      r.getString("created_by"),
                      r.getString("comment")));
            }
          }
          return silences;
        });
  }

  private <T> List<T> read(String what, SqlWork<List<T>> work) {
    if (!database.isEnabled()) {
      return List.of();
    }
    try {
      return database.read(work);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the " + what + ": " + e.getMessage(), e);
    }
  }

  private static void update(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key);
      s.executeUpdate();
    }
  }

  private static String matchersJson(Map<String, String> matchers) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    matchers.forEach(json::add);
    return json.build().toString();
  }

  private static Map<String, String> matchers(String json) {
    Map<String, String> matchers = new LinkedHashMap<>();
    try (var reader = Json.createReader(new StringReader(json))) {
      for (Map.Entry<String, JsonValue> e : reader.readObject().entrySet()) {
        matchers.put(e.getKey(), ((JsonString) e.getValue()).getString());
      }
    }
    return matchers;
  }
}
