/** Control tasks sent to agents (stream start/stop/update, system info) and their status. */
package io.nodelink.metrics.server.tasks;
