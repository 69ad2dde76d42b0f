package io.nodelink.metrics.history.compact;

/**
 * Hears of the raw data that leaves the open chunks of a {@link CompactHistoryStore}, so a durable
 * store can persist it: every sealed chunk, and late points merged into an already sealed chunk (as
 * a small chunk of their own, which overrides the points of the same second). Called on the
 * appending thread with the series' lock held: implementations only queue the chunk.
 */
@FunctionalInterface
public interface ChunkListener {

  /** A listener that keeps nothing: the store is memory only. */
  ChunkListener NONE = (agentId, series, chunk) -> {};

  void sealed(String agentId, String series, EncodedChunk chunk);
}
