/**
 * Every failure as {@code {"error": ...}} JSON, never HTML: the exception mappers, the web
 * container's error page, and the check of the query string's encoding.
 */
package io.nodelink.metrics.server.api.errors;
