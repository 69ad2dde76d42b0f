/** Periodic cleanup: history past retention, agents gone too long, expired tasks. */
package io.nodelink.metrics.server.cleanup;
