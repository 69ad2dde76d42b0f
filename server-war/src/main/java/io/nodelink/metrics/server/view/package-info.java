/**
 * The JSON shapes of the HTTP API as records (JSON-B with snake_case names, every field present,
 * 64-bit integers as numbers) and the mapping from the protobuf messages.
 */
package io.nodelink.metrics.server.api.dto;
