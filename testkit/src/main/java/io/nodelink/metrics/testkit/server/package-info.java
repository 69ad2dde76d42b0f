/**
 * A fake agent server: the server's side of {@code pb.AgentService} for agent tests, and the
 * benchmark sink {@code bench/agent-overhead.sh} streams a real agent into.
 */
package io.nodelink.metrics.testkit.server;
