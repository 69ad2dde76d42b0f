/**
 * Helpers of the integration tests only: the HTTP client and its answers, the contract's error and
 * time assertions, real agent processes. The test agent, the SSE client, sample payloads and the
 * contract's shapes are the test kit's ({@code io.nodelink.metrics.testkit}).
 */
package it.support;
