package io.nodelink.metrics.server.view;

import java.util.List;

/** {@code GET /alerts/rules}. */
public record AlertRulesDto(List<AlertRuleDto> rules) {}
