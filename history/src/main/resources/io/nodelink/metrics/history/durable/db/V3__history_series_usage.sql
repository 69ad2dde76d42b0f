-- Bytes and chunks per series and tier, kept up to date with nl_history_usage by every write and
-- delete: a tier over its size budget gives each agent a fair share from these sums, without a
-- scan of the chunk table. A series gets its three rows when it is created.
CREATE TABLE nl_history_series_usage (
  series_id BIGINT NOT NULL,
  tier SMALLINT NOT NULL,
  bytes BIGINT NOT NULL,
  chunks BIGINT NOT NULL,
  CONSTRAINT nl_history_series_usage_key PRIMARY KEY (series_id, tier)
);

INSERT INTO nl_history_series_usage (series_id, tier, bytes, chunks)
  SELECT s.id, t.tier,
         (SELECT COALESCE(SUM(OCTET_LENGTH(c.data)), 0) FROM nl_history_chunk c
          WHERE c.series_id = s.id AND c.tier = t.tier),
         (SELECT COUNT(*) FROM nl_history_chunk c WHERE c.series_id = s.id AND c.tier = t.tier)
  FROM nl_history_series s
  CROSS JOIN (SELECT CAST(0 AS SMALLINT) AS tier
              UNION ALL SELECT CAST(1 AS SMALLINT)
              UNION ALL SELECT CAST(2 AS SMALLINT)) t;
