/**
 * The compact, tiered history engine: per series, Gorilla-style compressed chunks of raw points for
 * the raw retention and compressed one-minute min/avg/max/last buckets for the coarse retention,
 * with per-series locks, immutable sealed chunks and a memory budget.
 */
package io.nodelink.metrics.history.compact;
