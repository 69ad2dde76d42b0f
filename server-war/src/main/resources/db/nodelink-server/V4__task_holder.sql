-- In a cluster a task is held by the server that created it: that server keeps it in memory, gets
-- the agent's answers to it and answers for it. '' is a server on its own. A restart takes back
-- the server's own tasks only, and the tasks of a server that is gone are taken over by one other.
ALTER TABLE nodelink_task ADD COLUMN node_id VARCHAR(64) DEFAULT '' NOT NULL;
CREATE INDEX nodelink_task_node ON nodelink_task (node_id);
