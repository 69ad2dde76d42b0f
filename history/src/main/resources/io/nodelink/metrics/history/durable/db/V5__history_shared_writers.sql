-- Several servers (writers) may share the database; each has a stable writer id. Tail records and
-- their done marks become per writer: a writer deletes and replays only its own. Rows from before
-- belong to the single server that wrote them, writer 'default'.
ALTER TABLE nl_history_tail ADD COLUMN writer_id VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE nl_history_tail DROP CONSTRAINT nl_history_tail_key;
-- Keyed by writer first: each writer appends at the end of its own part of the index and its
-- range delete takes the start of that part.
ALTER TABLE nl_history_tail ADD CONSTRAINT nl_history_tail_key PRIMARY KEY (writer_id, seq);

CREATE TABLE nl_history_tail_done (
  writer_id VARCHAR(64) NOT NULL,
  agent_id VARCHAR(128) NOT NULL,
  done_through BIGINT NOT NULL,
  CONSTRAINT nl_history_tail_done_key PRIMARY KEY (writer_id, agent_id)
);
INSERT INTO nl_history_tail_done (writer_id, agent_id, done_through)
  SELECT 'default', agent_id, done_through FROM nl_history_tail_mark;
DROP TABLE nl_history_tail_mark;
ALTER TABLE nl_history_tail_done RENAME TO nl_history_tail_mark;

-- Numbers every writer takes blocks from with one atomic UPDATE: 'seq' orders chunks and tail
-- records (it was row 0 of nl_history_rollup), 'series' gives series their ids.
-- taken: the highest number handed out.
CREATE TABLE nl_history_counter (
  name VARCHAR(32) NOT NULL PRIMARY KEY,
  taken BIGINT NOT NULL
);
INSERT INTO nl_history_counter (name, taken)
  SELECT 'seq', GREATEST(
    COALESCE((SELECT MAX(done_through) FROM nl_history_rollup WHERE tier = 0), 0),
    COALESCE((SELECT MAX(seq) FROM nl_history_chunk), 0),
    COALESCE((SELECT MAX(seq) FROM nl_history_tail), 0));
INSERT INTO nl_history_counter (name, taken)
  SELECT 'series', COALESCE(MAX(id), 0) FROM nl_history_series;
DELETE FROM nl_history_rollup WHERE tier = 0;

-- Leases of work that one writer at a time does (database maintenance): held by holder until
-- expires (epoch seconds), taken by an atomic UPDATE.
CREATE TABLE nl_history_lease (
  name VARCHAR(32) NOT NULL PRIMARY KEY,
  holder VARCHAR(64) NOT NULL,
  expires BIGINT NOT NULL
);
INSERT INTO nl_history_lease (name, holder, expires) VALUES ('maintenance', '', 0);
