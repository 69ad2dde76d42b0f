package io.nodelink.metrics.server.alerts;

/**
 * What one alert is about.
 *
 * @param rule the rule's name
 * @param agentId the agent
 * @param instance the part of the series name the rule's {@code *} stood for; "" without one
 */
public record AlertKey(String rule, String agentId, String instance) {

  /** One string for the database's primary key. */
  String id() {
    return rule + "|" + agentId + "|" + instance;
  }
}
