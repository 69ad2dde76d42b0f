package io.nodelink.metrics.server.alerts.notify;

/** What a receiver counts of its alerts; MicroProfile metrics in the server. */
interface NotificationCounts {

  NotificationCounts NONE = new NotificationCounts() {};

  default void sent(int alerts) {}

  default void failed(int alerts) {}

  default void dropped(int alerts) {}
}
