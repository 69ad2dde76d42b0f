-- Tail records become a log: keyed by their sequence number alone, so a flush appends at the end
-- of the index and old records go by one range delete at its start (keyed by agent first, every
-- insert and delete rewrote a page of its own). Which records of an agent are done is kept per
-- agent: records at or below its mark are not replayed, even before the range delete reaches them.
ALTER TABLE nl_history_tail DROP CONSTRAINT nl_history_tail_key;
ALTER TABLE nl_history_tail ADD CONSTRAINT nl_history_tail_key PRIMARY KEY (seq);

CREATE TABLE nl_history_tail_mark (
  agent_id VARCHAR(128) NOT NULL PRIMARY KEY,
  done_through BIGINT NOT NULL
);
