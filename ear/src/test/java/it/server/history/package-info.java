/** The history endpoint: raw points, aligned buckets, max_points, aggregation, series. */
package it.server.history;
