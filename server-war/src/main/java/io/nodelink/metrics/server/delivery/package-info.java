/**
 * What the server's outbound HTTP senders share (remote-write destinations, alert receivers): the
 * retry timing after a failed request.
 */
package io.nodelink.metrics.server.delivery;
