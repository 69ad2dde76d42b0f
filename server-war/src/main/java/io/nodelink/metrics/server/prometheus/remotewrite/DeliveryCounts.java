package io.nodelink.metrics.server.prometheus.remotewrite;

/** What a sender counts of its samples; MicroProfile metrics in the server. */
interface DeliveryCounts {

  void sent(int samples);

  void failed(int samples);

  void dropped(int samples);
}
