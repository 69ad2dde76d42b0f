package io.nodelink.metrics.server.view;

import java.util.List;

/**
 * {@code GET /alerts/history}: a page of the alert log, newest first.
 *
 * @param events the page
 * @param offset where it starts
 * @param limit its size at most
 * @param nextOffset the next page's offset; -1 when this is the last
 */
public record AlertHistoryDto(List<AlertEventDto> events, int offset, int limit, int nextOffset) {}
