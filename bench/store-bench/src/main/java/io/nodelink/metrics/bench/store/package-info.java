/**
 * The durable history store's benchmark: bytes per value on disk, flush cost, query latency and
 * restart time, on an H2 file database and a real PostgreSQL.
 */
package io.nodelink.metrics.bench.store;
