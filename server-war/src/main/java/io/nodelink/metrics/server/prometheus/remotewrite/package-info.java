/**
 * Prometheus remote-write 1.0 to every configured destination: one bounded queue per destination,
 * fed by each converted snapshot; batches encoded as a snappy-compressed protobuf {@code
 * WriteRequest}, sent one at a time per destination (keeping each series in time order), retried
 * with backoff on 5xx, 429 and I/O errors, dropped with a log line on other 4xx.
 */
package io.nodelink.metrics.server.prometheus.remotewrite;
