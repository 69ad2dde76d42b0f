package io.nodelink.metrics.server.store;

import io.nodelink.metrics.history.SeriesBatch;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Which series of one agent are recorded: up to {@code limit} names, each with the server time it
 * was last seen. A name not seen for longer than the retention no longer counts, so the names a
 * host churns through (container interfaces such as {@code veth*}, {@code cali*}) leave room for
 * its new disks and interfaces instead of filling the limit for good. Holds at most {@code limit}
 * names.
 *
 * <p>A snapshot with the same names as the last one admitted whole is admitted without look-ups;
 * its names are restamped at most every {@code retention / 10} (at most a minute), so "last seen"
 * lags by that much at most.
 */
final class SeriesAdmission {

  private final int limit;
  private final long retentionSeconds;
  private final long restampSeconds;
  private final Map<String, Long> lastSeen = new HashMap<>();

  /** No entry was seen before this: nothing can be stale before it plus the retention. */
  private long oldestSeenBound = Long.MAX_VALUE;

  private SeriesBatch lastAdmittedWhole;
  private long lastWholeStamped;
  private volatile int count;

  SeriesAdmission(int limit, long retentionSeconds) {
    this.limit = limit;
    this.retentionSeconds = retentionSeconds;
    this.restampSeconds = Math.max(1, Math.min(60, retentionSeconds / 10));
  }

  /**
   * The part of {@code batch} recorded at server time {@code nowSeconds}: known series, and new
   * ones while fewer than the limit were seen within the retention.
   *
   * @return the batch itself when every series is admitted
   */
  synchronized SeriesBatch admit(SeriesBatch batch, long nowSeconds) {
    forgetStale(nowSeconds);
    if (batch.sameNamesAs(lastAdmittedWhole)) {
      if (nowSeconds - lastWholeStamped >= restampSeconds) {
        stampAll(batch, nowSeconds);
      }
      return batch;
    }
    SeriesBatch admitted = new SeriesBatch(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      if (admit(batch.name(i), nowSeconds)) {
        admitted.add(batch.name(i), batch.value(i));
      }
    }
    count = lastSeen.size();
    if (admitted.size() == batch.size()) {
      lastAdmittedWhole = batch;
      lastWholeStamped = nowSeconds;
      return batch;
    }
    return admitted;
  }

  /** Series seen within the retention (to the restamp lag), the ones counted against the limit. */
  int count() {
    return count;
  }

  private boolean admit(String name, long nowSeconds) {
    if (lastSeen.replace(name, nowSeconds) != null) {
      return true;
    }
    if (lastSeen.size() >= limit) {
      return false;
    }
    lastSeen.put(name, nowSeconds);
    oldestSeenBound = Math.min(oldestSeenBound, nowSeconds);
    return true;
  }

  private void stampAll(SeriesBatch batch, long nowSeconds) {
    for (int i = 0; i < batch.size(); i++) {
      lastSeen.replace(batch.name(i), nowSeconds);
    }
    lastWholeStamped = nowSeconds;
  }

  /**
   * Drops the names not seen for longer than the retention. Costs one comparison unless some name
   * may be stale; each full pass either drops a name or raises the bound to the true oldest.
   */
  private void forgetStale(long nowSeconds) {
    long cutoff = nowSeconds - retentionSeconds;
    if (oldestSeenBound >= cutoff) {
      return;
    }
    long oldest = Long.MAX_VALUE;
    for (Iterator<Long> seen = lastSeen.values().iterator(); seen.hasNext(); ) {
      long at = seen.next();
      if (at < cutoff) {
        seen.remove();
        lastAdmittedWhole = null; // its names must be admitted again
      } else {
        oldest = Math.min(oldest, at);
      }
    }
    oldestSeenBound = oldest;
    count = lastSeen.size();
  }
}
