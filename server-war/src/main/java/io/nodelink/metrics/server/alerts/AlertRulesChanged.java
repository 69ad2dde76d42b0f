package io.nodelink.metrics.server.alerts;

import java.util.Set;

/** CDI event: these rules were added, changed or removed; their alerts start over. */
public record AlertRulesChanged(Set<String> names) {}
