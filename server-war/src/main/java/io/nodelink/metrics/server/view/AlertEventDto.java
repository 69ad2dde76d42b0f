package io.nodelink.metrics.server.view;

/**
 * One transition of the alert log.
 *
 * @param id unique
 * @param at RFC 3339 (milliseconds)
 * @param rule the rule
 * @param agentId the agent
 * @param instance the instance ("" without one)
 * @param from the state before
 * @param to the state after
 * @param severity the rule's
 * @param value the value that moved it (null when there was none, e.g. NaN)
 * @param summary the rule's summary, filled in
 */
public record AlertEventDto(
    String id,
    String at,
    String rule,
    String agentId,
    String instance,
    String from,
    String to,
    String severity,
    Double value,
    String summary) {}
