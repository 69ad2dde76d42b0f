package io.nodelink.metrics.history.durable;

import io.nodelink.metrics.history.compact.ColdHistory;
import io.nodelink.metrics.history.compact.EncodedChunk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The stored chunks as the in-memory store's cold history. A database that cannot be read makes a
 * query answer from memory alone (logged), never fail.
 */
final class JdbcColdHistory implements ColdHistory {

  private static final Logger LOG = Logger.getLogger(DurableHistoryStore.class.getName());

  private final DataSource dataSource;
  private final SeriesCatalog catalog;
  private final DurableSettings settings;
  private final long rawSpan;
  private final LongSupplier nowSeconds;
  private final Map<String, Long> earliest = new ConcurrentHashMap<>();
  private final Map<String, Long> lookedUp = new ConcurrentHashMap<>();
  private final long lookUpEverySeconds;
  private volatile String lastError;

  JdbcColdHistory(
      DataSource dataSource,
      SeriesCatalog catalog,
      DurableSettings settings,
      long chunkWindowSeconds,
      LongSupplier nowSeconds) {
    this.dataSource = dataSource;
    this.catalog = catalog;
    this.settings = settings;
    this.rawSpan = chunkWindowSeconds;
    this.nowSeconds = nowSeconds;
    this.lookUpEverySeconds = Math.max(1, settings.flushInterval().toSeconds());
  }

  @Override
  public List<EncodedChunk> chunks(String agentId, String series, Tier tier, long from, long to) {
    Long id = catalog.find(agentId, series);
    if (id == null && lookUpAgent(agentId)) {
      id = catalog.find(agentId, series);
    }
    if (id == null) {
      return List.of();
    }
    try (Connection connection = dataSource.getConnection()) {
      List<EncodedChunk> chunks = ChunkTable.select(connection, id, tier, from, to, maxSpan(tier));
      lastError = null;
      return chunks;
    } catch (SQLException e) {
      readFailed(e);
      return List.of();
    }
  }

  /**
   * How far before its last point a chunk of the tier may start: 6 hours for merged raw chunks, a
   * day or 30 days for merged coarse chunks, plus a window, since an agent's windows are shifted
   * (see {@code ChunkWindows}) and the chunk of the last window starting in a day may end in the
   * next.
   */
  private long maxSpan(Tier tier) {
    return maxSpan(tier, rawSpan);
  }

  static long maxSpan(Tier tier, long chunkWindowSeconds) {
    return switch (tier) {
      case RAW -> TierMaintenance.RAW_MERGE_PERIOD + chunkWindowSeconds;
      case MINUTE -> TierMaintenance.DAY + chunkWindowSeconds;
      case HOUR -> TierMaintenance.MONTH + chunkWindowSeconds;
    };
  }

  @Override
  public Set<String> seriesOf(String agentId) {
    lookUpAgent(agentId);
    return catalog.names(agentId);
  }

  /**
   * With several writers on the database, reads the agent's series another may have registered
   * since this store loaded its catalog: at most once per flush interval and agent, so a series
   * that is stored nowhere costs no query each time. A single writer's catalog is complete.
   *
   * @return true if it looked
   */
  private boolean lookUpAgent(String agentId) {
    if (!settings.shared()) {
      return false;
    }
    long now = nowSeconds.getAsLong();
    Long last = lookedUp.get(agentId);
    if (last != null && now - last < lookUpEverySeconds) {
      return false;
    }
    lookedUp.put(agentId, now);
    try (Connection connection = dataSource.getConnection()) {
      catalog.loadAgent(connection, agentId);
      return true;
    } catch (SQLException e) {
      readFailed(e);
      return false;
    }
  }

  @Override
  public long earliest(String agentId) {
    Long known = earliest.get(agentId);
    if (known != null) {
      return known;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT MIN(c.first_ts) FROM nl_history_chunk c"
                    + " JOIN nl_history_series s ON c.series_id = s.id WHERE s.agent_id = ?")) {
      select.setString(1, agentId);
      try (ResultSet rows = select.executeQuery()) {
        long value = rows.next() && rows.getObject(1) != null ? rows.getLong(1) : Long.MAX_VALUE;
        if (value != Long.MAX_VALUE) {
          earliest.put(agentId, value);
        }
        return value;
      }
    } catch (SQLException e) {
      readFailed(e);
      return Long.MAX_VALUE;
    }
  }

  /** Retention moved the oldest points: look them up again. */
  void forgetEarliest() {
    earliest.clear();
  }

  @Override
  public long horizon(Tier tier) {
    DurableSettings.TierLimits limits =
        switch (tier) {
          case RAW -> settings.raw();
          case MINUTE -> settings.minute();
          case HOUR -> settings.hour();
        };
    return nowSeconds.getAsLong() - limits.retention().toSeconds();
  }

  String lastError() {
    return lastError;
  }

  private void readFailed(SQLException e) {
    if (lastError == null) {
      LOG.log(Level.WARNING, "History reads from the database failed; answering from memory", e);
    }
    lastError = e.toString();
  }
}
