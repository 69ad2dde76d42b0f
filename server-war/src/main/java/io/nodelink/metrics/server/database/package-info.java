/**
 * The server's own durable state in the dataSource {@code jdbc/nodelink}: the schema (Flyway,
 * {@code db/nodelink-server}), synchronous reads at start-up and a write queue that applies the
 * latest state of each row off the request and ingestion threads, retrying while the database is
 * down. The feature packages own their tables through their repositories; this package knows none
 * of them.
 */
package io.nodelink.metrics.server.database;
