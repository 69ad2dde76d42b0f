/**
 * The durable history: the compact in-memory store for the live path, its sealed chunks and
 * unflushed points written to a JDBC database (H2 or PostgreSQL) in batches off the ingest thread,
 * minute and hour tiers rolled up as chunks are written, retention and size budgets per tier, and
 * queries reaching into the database for what memory no longer holds.
 */
package io.nodelink.metrics.history.durable;
