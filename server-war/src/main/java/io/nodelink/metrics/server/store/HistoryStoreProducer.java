package io.nodelink.metrics.server.store;

import io.nodelink.metrics.history.HistoryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** The history engine {@link HistoryStores} opened, for everyone who reads or writes history. */
@ApplicationScoped
public class HistoryStoreProducer {

  @Inject HistoryStores stores;

  @Produces
  @ApplicationScoped
  HistoryStore historyStore() {
    return stores.history();
  }
}
