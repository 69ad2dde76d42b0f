/** Exception mappers: every failure becomes {@code {"error": ...}} JSON, never HTML. */
package io.nodelink.metrics.server.api.errors;
