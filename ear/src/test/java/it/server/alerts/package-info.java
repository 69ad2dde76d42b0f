/** Alerting against the real server: rules, transitions, no-data, silences, notifications. */
package it.server.alerts;
