package io.nodelink.metrics.history.codec;

import java.util.Arrays;

/**
 * An append-only bit stream over a growing {@code long[]}, most significant bit first. Bits below
 * {@link #bitCount()} never change once written, so a copy of the words taken at any point decodes
 * to the same prefix.
 */
public final class BitWriter {

  private long[] words;
  private int bitCount;

  /** A writer whose buffer starts at {@code initialWords} 64-bit words (at least one). */
  public BitWriter(int initialWords) {
    words = new long[Math.max(1, initialWords)];
  }

  /** Appends the low {@code bits} bits of {@code value}, high bit first; {@code bits} in 0..64. */
  public void write(long value, int bits) {
    if (bits == 0) {
      return;
    }
    if (bits < 64) {
      value &= (1L << bits) - 1;
    }
    int word = bitCount >>> 6;
    int free = 64 - (bitCount & 63);
    if (bits <= free) {
      ensureWords(word + 1);
      words[word] |= value << (free - bits);
    } else {
      ensureWords(word + 2);
      int spill = bits - free;
      words[word] |= value >>> spill;
      words[word + 1] = value << (64 - spill);
    }
    bitCount += bits;
  }

  /** Appends every bit written to {@code other}. */
  public void append(BitWriter other) {
    int full = other.bitCount >>> 6;
    for (int w = 0; w < full; w++) {
      write(other.words[w], 64);
    }
    int rest = other.bitCount & 63;
    if (rest > 0) {
      write(other.words[full] >>> (64 - rest), rest);
    }
  }

  /** How many bits have been written. */
  public int bitCount() {
    return bitCount;
  }

  /** The bytes the buffer occupies on the heap (array header included). */
  public long capacityBytes() {
    return 16L + 8L * words.length;
  }

  /** A copy of exactly the words holding the written bits. */
  public long[] toWords() {
    return Arrays.copyOf(words, wordsFor(bitCount));
  }

  /** Copies the written words into {@code target} starting at word {@code offset}. */
  public void copyTo(long[] target, int offset) {
    System.arraycopy(words, 0, target, offset, wordsFor(bitCount));
  }

  /** Words needed to hold {@code bits} bits. */
  public static int wordsFor(int bits) {
    return (bits + 63) >>> 6;
  }

  private void ensureWords(int needed) {
    if (needed > words.length) {
      words = Arrays.copyOf(words, Math.max(needed, words.length * 2));
    }
  }
}
