package io.nodelink.metrics.history.codec;

/** Reads a bit stream written by {@link BitWriter}, from a given bit position on. */
public final class BitReader {

  private final long[] words;
  private int position;

  /** A reader of {@code words} starting at bit {@code position}. */
  public BitReader(long[] words, int position) {
    this.words = words;
    this.position = position;
  }

  /** Reads {@code bits} bits (0..64) as an unsigned value. */
  public long read(int bits) {
    if (bits == 0) {
      return 0;
    }
    int word = position >>> 6;
    int used = position & 63;
    int available = 64 - used;
    position += bits;
    if (bits <= available) {
      return (words[word] << used) >>> (64 - bits);
    }
    int spill = bits - available;
    long high = words[word] & ((1L << available) - 1);
    return (high << spill) | (words[word + 1] >>> (64 - spill));
  }

  /** Reads one bit. */
  public boolean readBit() {
    int word = position >>> 6;
    boolean bit = ((words[word] >>> (63 - (position & 63))) & 1) != 0;
    position++;
    return bit;
  }

  /** The position of the next bit to read. */
  public int position() {
    return position;
  }
}
