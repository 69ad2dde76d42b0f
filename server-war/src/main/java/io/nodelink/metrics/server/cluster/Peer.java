package io.nodelink.metrics.server.cluster;

import java.net.URI;

/**
 * Another server of the cluster, alive at its last heartbeat.
 *
 * @param nodeId its name in the cluster
 * @param url where its API answers
 */
public record Peer(String nodeId, URI url) {}
