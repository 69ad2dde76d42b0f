package io.nodelink.metrics.history.durable;

import io.nodelink.metrics.history.compact.ColdHistory.Tier;
import io.nodelink.metrics.history.compact.EncodedChunk;
import io.nodelink.metrics.history.compact.RawPacking;
import io.nodelink.metrics.history.compact.Rollups;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What waits to be written: chunks handed over by the appending threads (lock-free), and what the
 * writer took from them and from the unflushed points but could not write yet. Bounded in bytes:
 * over the bound the oldest tail records go first (they only matter if the server dies before the
 * chunks are written), then the oldest chunks, which is data lost, counted and logged.
 */
final class Outbox {

  private static final Logger LOG = Logger.getLogger(DurableHistoryStore.class.getName());

  /** Key columns, tuple header and index entry of a row, for the byte bound. */
  private static final int ROW_OVERHEAD = 64;

  /** The sequence number of what is not numbered yet (numbers are given when it is written). */
  static final long UNNUMBERED = 0;

  /** A chunk to write, with the series it belongs to. */
  record Pending(String agentId, String series, Tier tier, long seq, EncodedChunk chunk) {
    long bytes() {
      return ROW_OVERHEAD + chunk.data().length;
    }

    Pending withChunk(EncodedChunk other) {
      return new Pending(agentId, series, tier, seq, other);
    }

    Pending withSeq(long value) {
      return new Pending(agentId, series, tier, value, chunk);
    }
  }

  private final ConcurrentLinkedQueue<Pending> incoming = new ConcurrentLinkedQueue<>();
  // The queue's own size() walks every node: status gauges read this instead.
  private final AtomicInteger incomingCount = new AtomicInteger();
  private final long maxBytes;
  private final ArrayDeque<Pending> chunks = new ArrayDeque<>();
  private final ArrayDeque<TailTable.Row> tails = new ArrayDeque<>();
  private long heldBytes;
  private final AtomicLong droppedChunks = new AtomicLong();
  private final AtomicLong droppedValues = new AtomicLong();
  private final AtomicLong droppedTails = new AtomicLong();
  private final AdoptedSpans adopted = new AdoptedSpans();

  Outbox(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * From an appending thread: a raw chunk was sealed (or late points patched one). Numbered when
   * written (the numbers come from the database), in the order it came.
   */
  void offerRaw(String agentId, String series, EncodedChunk chunk) {
    incoming.add(new Pending(agentId, series, Tier.RAW, UNNUMBERED, chunk));
    incomingCount.incrementAndGet();
  }

  /**
   * Numbers what is held and not numbered yet, in the order it came: a chunk that patches another
   * gets a higher number. A failure leaves the rest unnumbered for the next try.
   */
  void number(SeqBlocks seqs) throws SQLException {
    for (int n = chunks.size(); n > 0; n--) {
      Pending next = chunks.poll();
      chunks.add(next.seq() == UNNUMBERED ? next.withSeq(seqs.next()) : next);
    }
    for (int n = tails.size(); n > 0; n--) {
      TailTable.Row next = tails.poll();
      tails.add(next.seq() == UNNUMBERED ? next.withSeq(seqs.next()) : next);
    }
  }

  /**
   * Moves the handed-over chunks to the writer's side, each raw chunk with its minute and hour
   * buckets (so the coarse tiers are as current as the raw one).
   */
  void takeIncoming() {
    Pending next;
    while ((next = incoming.poll()) != null) {
      incomingCount.decrementAndGet();
      // Packed here, on the writer's thread: the appending thread sealed it as it was written.
      next = next.withChunk(RawPacking.packed(next.chunk()));
      hold(next);
      holdBuckets(next);
    }
  }

  private void holdBuckets(Pending raw) {
    EncodedChunk source = adopted.bucketSource(raw.agentId(), raw.chunk());
    if (source == null) {
      return;
    }
    for (Tier tier : List.of(Tier.MINUTE, Tier.HOUR)) {
      EncodedChunk buckets = Rollups.bucketsOfRaw(List.of(source), tier.width());
      if (buckets != null) {
        hold(new Pending(raw.agentId(), raw.series(), tier, UNNUMBERED, buckets));
      }
    }
  }

  /**
   * Another writer adopted these seconds of this writer's points (per agent: from, through): the
   * buckets of raw chunks held or to come leave them out. The held buckets of those agents are
   * built again (unnumbered).
   */
  void leaveOutOfBuckets(Map<String, List<long[]>> spans) {
    spans.forEach((agent, list) -> list.forEach(span -> adopted.add(agent, span[0], span[1])));
    List<Pending> raw = new ArrayList<>();
    for (int n = chunks.size(); n > 0; n--) {
      Pending next = chunks.poll();
      if (next.tier() != Tier.RAW && spans.containsKey(next.agentId())) {
        heldBytes -= next.bytes();
      } else {
        chunks.add(next);
        if (next.tier() == Tier.RAW && spans.containsKey(next.agentId())) {
          raw.add(next);
        }
      }
    }
    raw.forEach(this::holdBuckets);
  }

  void addTail(TailTable.Row row) {
    tails.add(row);
    heldBytes += ROW_OVERHEAD + row.data().length;
  }

  /** Drops the oldest over the bound; returns how many chunks were dropped now. */
  int enforceBound() {
    int droppedNow = 0;
    while (heldBytes > maxBytes && !tails.isEmpty()) {
      TailTable.Row row = tails.poll();
      heldBytes -= ROW_OVERHEAD + row.data().length;
      droppedTails.incrementAndGet();
    }
    while (heldBytes > maxBytes && !chunks.isEmpty()) {
      Pending dropped = chunks.poll();
      heldBytes -= dropped.bytes();
      droppedChunks.incrementAndGet();
      if (dropped.tier() == Tier.RAW) {
        droppedValues.addAndGet(dropped.chunk().count());
      }
      droppedNow++;
    }
    if (droppedNow > 0) {
      LOG.log(
          Level.WARNING,
          "History write queue over {0} bytes (database slow or down): dropped the {1} oldest"
              + " chunks; {2} raw values lost so far",
          new Object[] {maxBytes, droppedNow, droppedValues.get()});
    }
    return droppedNow;
  }

  Collection<Pending> chunks() {
    return new ArrayList<>(chunks);
  }

  Collection<TailTable.Row> tails() {
    return new ArrayList<>(tails);
  }

  /** Everything held was written. */
  void written() {
    chunks.clear();
    tails.clear();
    heldBytes = 0;
  }

  long heldBytes() {
    return heldBytes;
  }

  int heldChunks() {
    return chunks.size() + incomingCount.get();
  }

  long droppedChunks() {
    return droppedChunks.get();
  }

  long droppedValues() {
    return droppedValues.get();
  }

  long droppedTails() {
    return droppedTails.get();
  }

  private void hold(Pending pending) {
    chunks.add(pending);
    heldBytes += pending.bytes();
  }
}
