package io.nodelink.metrics.server.cluster;

import java.util.List;

/**
 * Fired after each cluster heartbeat: the other servers alive now. A server may have restarted
 * since the last one without leaving this list (it came back within the node timeout).
 *
 * @param peers the other live servers
 */
record PeersAlive(List<Peer> peers) {}
