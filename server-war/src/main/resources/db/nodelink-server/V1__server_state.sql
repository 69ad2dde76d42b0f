-- The server's own state (the history engine keeps its tables apart, with its own Flyway table).
-- Portable SQL for H2 2.x and PostgreSQL 14: times are epoch milliseconds, and ${bytes_type} is
-- BLOB on H2 and BYTEA on PostgreSQL (SchemaMigration chooses it).

-- Every agent the server knows, online or not; restored offline at start.
CREATE TABLE nodelink_agent (
  agent_id        VARCHAR(128) NOT NULL PRIMARY KEY,
  first_seen      BIGINT       NOT NULL,
  connected_at    BIGINT,
  last_seen       BIGINT,
  last_update     BIGINT,
  disconnected_at BIGINT
);

-- Each agent's latest system info, the SystemInfoResponse protobuf as sent (after sanitising).
CREATE TABLE nodelink_agent_system_info (
  agent_id    VARCHAR(128)   NOT NULL PRIMARY KEY,
  received_at BIGINT         NOT NULL,
  info        ${bytes_type}  NOT NULL
);

-- Recent control tasks, as GET /agents/{id}/tasks and /tasks/{id} show them.
CREATE TABLE nodelink_task (
  task_id          VARCHAR(64)   NOT NULL PRIMARY KEY,
  agent_id         VARCHAR(128)  NOT NULL,
  task_type        VARCHAR(32)   NOT NULL,
  status           VARCHAR(32)   NOT NULL,
  created_at       BIGINT        NOT NULL,
  updated_at       BIGINT        NOT NULL,
  message          VARCHAR(2000) NOT NULL,
  error            VARCHAR(2000) NOT NULL,
  interval_seconds INTEGER       NOT NULL
);
CREATE INDEX nodelink_task_agent ON nodelink_task (agent_id);

-- Manual streaming holds (metrics/start until metrics/stop), re-sent when the agent reconnects.
CREATE TABLE nodelink_streaming_hold (
  agent_id         VARCHAR(128) NOT NULL PRIMARY KEY,
  interval_seconds INTEGER      NOT NULL,
  metric_groups    VARCHAR(200) NOT NULL
);
