/**
 * Test-side helpers for the integration tests: HTTP and SSE clients, the test agent, real agents.
 */
package it.support;
