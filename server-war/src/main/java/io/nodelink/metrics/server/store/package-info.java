/** What the agents sent: latest snapshot and system info per agent, and the metrics history. */
package io.nodelink.metrics.server.store;
