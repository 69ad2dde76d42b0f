/**
 * Server-side test helpers: a recording agent channel, a movable clock, and the server's beans
 * wired by hand as CDI wires them. The agent-side test kit is the {@code nodelink-testkit} module.
 */
package io.nodelink.metrics.server.testing;
