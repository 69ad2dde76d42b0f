/** The JSON shapes of the NodeLink Metrics API as records, snake_case on the wire via JSON-B. */
package io.nodelink.metrics.client.model;
