/** The agent side of pb.AgentService: connection with reconnect, and the task protocol. */
package io.nodelink.metrics.agent.stream;
