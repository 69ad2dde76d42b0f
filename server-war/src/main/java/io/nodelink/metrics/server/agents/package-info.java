/**
 * The agent registry and the one owner of an agent's lifecycle: which agents are known and
 * connected, when they were last heard from, and the connect / disconnect / forget events that the
 * rest of the server observes.
 */
package io.nodelink.metrics.server.agents;
