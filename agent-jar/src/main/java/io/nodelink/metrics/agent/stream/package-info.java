/**
 * The agent side of pb.AgentService: connection with reconnect, the task protocol, and the bounded
 * buffer of snapshots measured while the server is unreachable (sent marked buffered afterwards).
 */
package io.nodelink.metrics.agent.stream;
