/**
 * The contract as tests check it: series names, the JSON shapes of the REST/SSE payloads, and exact
 * JSON parsing.
 */
package io.nodelink.metrics.testkit.contract;
