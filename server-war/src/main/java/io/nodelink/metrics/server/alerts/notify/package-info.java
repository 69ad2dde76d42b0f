/**
 * Alert notifications: webhook receivers and Alertmanager, each a bounded queue with one request in
 * flight, retries with backoff, repeats while an alert fires, and MicroProfile metrics per
 * receiver. Silenced alerts notify nobody.
 */
package io.nodelink.metrics.server.alerts.notify;
