/** The HTTP API on the API port: REST resources, SSE, CORS and the JSON-B configuration. */
package io.nodelink.metrics.server.api;
