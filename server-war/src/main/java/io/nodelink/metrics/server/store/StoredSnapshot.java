package io.nodelink.metrics.server.store;

import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.pb.MetricsDataResponse;

/**
 * A snapshot as the store kept it, and its history series as the store extracted them (before the
 * series limit), so that whoever needs them next does not extract them again.
 *
 * @param snapshot the snapshot as stored (stamped with the server's time if it had none)
 * @param series its series; read-only: the store may keep the batch
 */
public record StoredSnapshot(MetricsDataResponse snapshot, SeriesBatch series) {}
