package io.nodelink.metrics.server.view;

import java.util.Map;

/** One silence: what it matches, until when, who set it and why. */
public record SilenceDto(
    String id,
    Map<String, String> matchers,
    String startsAt,
    String until,
    String createdBy,
    String comment) {}
