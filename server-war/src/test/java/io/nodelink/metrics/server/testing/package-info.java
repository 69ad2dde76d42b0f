/**
 * Test helpers: a scriptable fake agent speaking the real gRPC protocol, a recording agent channel,
 * a movable clock, and the server's beans wired by hand.
 */
package io.nodelink.metrics.server.testing;
