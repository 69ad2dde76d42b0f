/**
 * A typed Jakarta REST client of the NodeLink Metrics API and its Server-Sent Events; runs on any
 * JAX-RS 3.1 client runtime with JSON-B and SSE support (Liberty, Jersey, RESTEasy).
 */
package io.nodelink.metrics.client;
