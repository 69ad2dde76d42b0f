package io.nodelink.metrics.history.compact;

/** Packing of sealed raw chunks for a durable store, off the thread that sealed them. */
public final class RawPacking {

  private RawPacking() {}

  /** The raw chunk in the packed layout (timestamps as runs, Rice-coded decimal deltas). */
  public static EncodedChunk packed(EncodedChunk raw) {
    return RawChunk.fromEncoded(raw).packed().toEncoded();
  }
}
