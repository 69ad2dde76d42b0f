/**
 * Metrics history: per agent, per series time-ordered points and the contract's range queries
 * (aligned buckets, {@code max_points} met by widening the interval, newest data never cut).
 */
package io.nodelink.metrics.history;
