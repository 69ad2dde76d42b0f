/**
 * The agent protocol for tests: auth headers, commands (built and classified) and sample payloads.
 */
package io.nodelink.metrics.testkit.protocol;
