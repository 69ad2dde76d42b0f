package io.nodelink.metrics.server.view;

import java.util.List;

/**
 * Body of {@code POST .../metrics/start}; both fields optional.
 *
 * @param intervalSeconds 1–300; absent or 0 means the default (5)
 * @param metrics groups to stream; absent or empty means all
 */
public record StartStreamingRequest(Integer intervalSeconds, List<String> metrics) {}
