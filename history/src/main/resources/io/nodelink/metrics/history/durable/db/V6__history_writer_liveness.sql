-- Which writers are alive: each writer's flush transactions refresh its row (seen_at from the
-- database's clock, in epoch milliseconds, so the servers' clocks do not matter; beat counts the
-- refreshes). A writer whose row is older than the writer timeout is taken for dead: another
-- writer claims it by deleting its row with the beat it read (only one claimer's delete hits the
-- row) and writes its tail records as chunks. Writers without a row (from before this version)
-- are never taken for dead.
CREATE TABLE nl_history_writer (
  writer_id VARCHAR(64) NOT NULL PRIMARY KEY,
  seen_at BIGINT NOT NULL,
  beat BIGINT NOT NULL
);
