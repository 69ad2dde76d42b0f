package io.nodelink.metrics.server.alerts;

import java.time.Instant;

/**
 * One line of the alert log: an alert moved from one state to another.
 *
 * @param id unique
 * @param at when
 * @param key rule, agent, instance
 * @param from the state before
 * @param to the state after
 * @param severity the rule's
 * @param value the value that moved it
 * @param summary the rule's summary, filled in
 */
public record AlertTransition(
    String id,
    Instant at,
    AlertKey key,
    AlertState from,
    AlertState to,
    String severity,
    double value,
    String summary) {}
