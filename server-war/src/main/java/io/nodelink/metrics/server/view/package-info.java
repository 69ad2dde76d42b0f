/**
 * The JSON views of the server's state, shared by the REST API and the SSE streams: records
 * serialised by JSON-B (snake_case names, every field present, 64-bit integers as numbers), the
 * mapping from protobuf messages and domain objects, and the one JSON-B configuration.
 */
package io.nodelink.metrics.server.view;
