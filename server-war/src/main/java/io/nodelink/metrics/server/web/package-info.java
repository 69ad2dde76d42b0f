/**
 * The dashboard's web tier: the container serves the files (see {@code web.xml}); this package
 * holds only what the container cannot be configured to do by itself.
 */
package io.nodelink.metrics.server.web;
