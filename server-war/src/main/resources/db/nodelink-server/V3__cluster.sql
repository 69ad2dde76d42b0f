-- Several servers for one fleet (io.nodelink.metrics.server.cluster): the servers that share this
-- database, each with the address its peers reach its API at and its latest heartbeat, and which
-- server each connected agent is on. Times are epoch milliseconds. A single server leaves both
-- tables empty.
CREATE TABLE nodelink_cluster_node (
  node_id      VARCHAR(64)   NOT NULL PRIMARY KEY,
  url          VARCHAR(2000) NOT NULL,
  heartbeat_at BIGINT        NOT NULL
);

CREATE TABLE nodelink_agent_owner (
  agent_id     VARCHAR(128) NOT NULL PRIMARY KEY,
  node_id      VARCHAR(64)  NOT NULL,
  since        BIGINT       NOT NULL
);
CREATE INDEX nodelink_agent_owner_node ON nodelink_agent_owner (node_id);
