-- Alerting (io.nodelink.metrics.server.alerts): rules created through the API, the state of each
-- active alert (so a restart keeps firing alerts firing), the alert log (30 days) and silences.
-- Times are epoch milliseconds; rules are kept as their JSON (RuleJson), so new rule fields need
-- no migration.

CREATE TABLE nodelink_alert_rule (
  name       VARCHAR(64)   NOT NULL PRIMARY KEY,
  definition VARCHAR(8000) NOT NULL
);

-- Pending and firing alerts, one row per (rule, agent, instance).
CREATE TABLE nodelink_alert_state (
  alert_key    VARCHAR(512)  NOT NULL PRIMARY KEY,
  rule_name    VARCHAR(64)   NOT NULL,
  agent_id     VARCHAR(128)  NOT NULL,
  instance     VARCHAR(256)  NOT NULL,
  state        VARCHAR(16)   NOT NULL,
  severity     VARCHAR(16)   NOT NULL,
  alert_value  DOUBLE PRECISION NOT NULL,
  active_since BIGINT        NOT NULL,
  firing_since BIGINT,
  summary      VARCHAR(1000) NOT NULL
);

-- Every transition, newest read first.
CREATE TABLE nodelink_alert_event (
  event_id    VARCHAR(64)   NOT NULL PRIMARY KEY,
  at_millis   BIGINT        NOT NULL,
  rule_name   VARCHAR(64)   NOT NULL,
  agent_id    VARCHAR(128)  NOT NULL,
  instance    VARCHAR(256)  NOT NULL,
  from_state  VARCHAR(16)   NOT NULL,
  to_state    VARCHAR(16)   NOT NULL,
  severity    VARCHAR(16)   NOT NULL,
  alert_value DOUBLE PRECISION NOT NULL,
  summary     VARCHAR(1000) NOT NULL
);
CREATE INDEX nodelink_alert_event_at ON nodelink_alert_event (at_millis);

CREATE TABLE nodelink_alert_silence (
  silence_id VARCHAR(64)   NOT NULL PRIMARY KEY,
  matchers   VARCHAR(4000) NOT NULL,
  starts_at  BIGINT        NOT NULL,
  until_at   BIGINT        NOT NULL,
  created_by VARCHAR(128)  NOT NULL,
  comment    VARCHAR(1000) NOT NULL
);
