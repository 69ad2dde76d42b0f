-- The durable history: compressed chunks, not a row per value.

-- One row per series of an agent; chunks refer to it by id.
CREATE TABLE nl_history_series (
  id BIGINT NOT NULL PRIMARY KEY,
  agent_id VARCHAR(128) NOT NULL,
  name VARCHAR(1024) NOT NULL,
  CONSTRAINT nl_history_series_key UNIQUE (agent_id, name)
);

-- Chunks of every tier: 0 raw points, 1 one-minute buckets, 2 one-hour buckets. Chunks of a
-- series and tier may overlap (late points come as a chunk of their own): where two hold the same
-- second, the later write (higher seq) wins.
CREATE TABLE nl_history_chunk (
  series_id BIGINT NOT NULL,
  tier SMALLINT NOT NULL,
  first_ts BIGINT NOT NULL,
  last_ts BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  point_count INTEGER NOT NULL,
  data ${binary} NOT NULL,
  CONSTRAINT nl_history_chunk_key PRIMARY KEY (series_id, tier, first_ts, seq)
);

-- Retention and size budgets delete the oldest chunks of a tier.
CREATE INDEX nl_history_chunk_age ON nl_history_chunk (tier, last_ts);

-- Points not yet in a written chunk, per agent, one row per flush: replayed at start-up, deleted
-- once the chunks holding them are written.
CREATE TABLE nl_history_tail (
  agent_id VARCHAR(128) NOT NULL,
  seq BIGINT NOT NULL,
  last_ts BIGINT NOT NULL,
  data ${binary} NOT NULL,
  CONSTRAINT nl_history_tail_key PRIMARY KEY (agent_id, seq)
);

-- How far each coarse tier has been rolled up: periods ending at or before done_through are done.
CREATE TABLE nl_history_rollup (
  tier SMALLINT NOT NULL PRIMARY KEY,
  done_through BIGINT NOT NULL
);
