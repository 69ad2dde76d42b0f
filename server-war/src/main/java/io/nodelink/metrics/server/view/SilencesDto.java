package io.nodelink.metrics.server.view;

import java.util.List;

/** {@code GET /alerts/silences}: the silences in force. */
public record SilencesDto(List<SilenceDto> silences) {}
