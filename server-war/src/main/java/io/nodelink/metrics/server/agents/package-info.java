/** The agent registry: which agents are known, connected, and when they were last heard from. */
package io.nodelink.metrics.server.agents;
