/** Errors the server's services raise; the REST layer maps each kind to an HTTP status. */
package io.nodelink.metrics.server.domain;
