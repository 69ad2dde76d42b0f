package io.nodelink.metrics.history.compact;

/** A copy of one series' tiers taken under its lock, decoded by the query without it. */
record SeriesView(String name, RawView raw, CoarseView coarse) {}
