package io.nodelink.metrics.server.store;

import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.SimpleHistoryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one place that chooses the history engine; swap the implementation here. */
@ApplicationScoped
public class HistoryStoreProducer {

  @Produces
  @ApplicationScoped
  HistoryStore historyStore() {
    return new SimpleHistoryStore();
  }
}
