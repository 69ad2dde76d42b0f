package io.nodelink.metrics.history.durable;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Sequence numbers of chunks and tail records, unique across the writers sharing the database:
 * taken in blocks from the {@code seq} counter, each block in a short transaction of its own. A
 * block that lasted less than a minute makes the next one twice as large, one that lasted longer
 * halves it: a busy writer asks about once a minute, whatever its rate, and the writers' numbers
 * stay roughly in time order across writers (where two chunks hold the same second, the higher
 * number wins).
 */
final class SeqBlocks {

  static final long MIN_BLOCK = 1 << 10;
  static final long MAX_BLOCK = 1 << 20;
  private static final long TARGET_NANOS = 60_000_000_000L;

  private final DataSource dataSource;
  private long next = 1;
  private long end;
  private long blockSize = MIN_BLOCK;
  private long blockTakenNanos;

  SeqBlocks(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The next number; takes a block from the database when this one is used up. */
  synchronized long next() throws SQLException {
    if (next > end) {
      takeBlock();
    }
    return next++;
  }

  private void takeBlock() throws SQLException {
    long now = System.nanoTime();
    if (end > 0) {
      blockSize =
          now - blockTakenNanos < TARGET_NANOS
              ? Math.min(MAX_BLOCK, blockSize * 2)
              : Math.max(MIN_BLOCK, blockSize / 2);
    }
    try (Connection connection = dataSource.getConnection()) {
      next = SharedCounter.take(connection, SharedCounter.SEQ, blockSize);
    }
    end = next + blockSize - 1;
    blockTakenNanos = now;
  }
}
