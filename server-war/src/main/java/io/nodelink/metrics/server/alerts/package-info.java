/**
 * Alerting: rules (API, a rules file, the default pack), their evaluation on ingest into states per
 * rule, agent and instance, the alert log, silences, and the notifications to webhooks and
 * Alertmanager ({@code notify}). Knows the core (store, ingest, agents, database), never the HTTP
 * edge: the API and SSE observe it.
 */
package io.nodelink.metrics.server.alerts;
