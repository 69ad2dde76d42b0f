-- Bytes and chunks per tier, kept up to date by every write and delete, so size budgets need no
-- scan of the chunk table (a scan read every chunk: minutes at millions of them).
CREATE TABLE nl_history_usage (
  tier SMALLINT NOT NULL PRIMARY KEY,
  bytes BIGINT NOT NULL,
  chunks BIGINT NOT NULL
);

INSERT INTO nl_history_usage (tier, bytes, chunks) VALUES (0, 0, 0);
INSERT INTO nl_history_usage (tier, bytes, chunks) VALUES (1, 0, 0);
INSERT INTO nl_history_usage (tier, bytes, chunks) VALUES (2, 0, 0);

UPDATE nl_history_usage SET
  bytes = (SELECT COALESCE(SUM(OCTET_LENGTH(c.data)), 0) FROM nl_history_chunk c
           WHERE c.tier = nl_history_usage.tier),
  chunks = (SELECT COUNT(*) FROM nl_history_chunk c WHERE c.tier = nl_history_usage.tier);
