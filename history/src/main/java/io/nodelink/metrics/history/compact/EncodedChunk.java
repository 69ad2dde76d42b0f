package io.nodelink.metrics.history.compact;

import java.nio.ByteBuffer;

/**
 * A compressed chunk as bytes, for a durable store: a raw chunk (Gorilla-style timestamps and
 * values) or a coarse chunk (buckets of one width). The bytes are opaque outside this package.
 *
 * @param first timestamp of the chunk's oldest raw point
 * @param last timestamp of the chunk's newest raw point
 * @param count points (raw) or buckets (coarse) in the chunk
 * @param data the encoded chunk
 */
public record EncodedChunk(long first, long last, int count, byte[] data) {

  /**
   * The words of a chunk as bytes, big-endian after a header and the word count, trailing zero
   * bytes left out (a constant series' value column is all zero bits).
   */
  static byte[] toBytes(int header, long[] words) {
    int length = 8 * words.length;
    while (length > 0 && byteAt(words, length - 1) == 0) {
      length--;
    }
    ByteBuffer out = ByteBuffer.allocate(8 + length);
    out.putInt(header);
    out.putInt(words.length);
    for (int i = 0; i < length; i++) {
      out.put(byteAt(words, i));
    }
    return out.array();
  }

  /** The header written by {@link #toBytes}. */
  int header() {
    return ByteBuffer.wrap(data).getInt();
  }

  /** The words written by {@link #toBytes}, trailing zero bytes restored. */
  long[] words() {
    int length = data.length - 8;
    long[] words = new long[ByteBuffer.wrap(data).getInt(4)];
    for (int i = 0; i < length; i++) {
      words[i >>> 3] |= (data[8 + i] & 0xFFL) << (56 - 8 * (i & 7));
    }
    return words;
  }

  private static byte byteAt(long[] words, int i) {
    return (byte) (words[i >>> 3] >>> (56 - 8 * (i & 7)));
  }
}
