package io.nodelink.metrics.agent.procfs;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One pseudo file's text, read whole into a reused byte buffer, with a cursor to parse it in place.
 *
 * <p>Parsing bytes where they landed, instead of through {@code Files.readAllLines}, a {@code
 * String} per line and a split per field, matters because the agent runs each parser once a second:
 * at that rate the JIT leaves it interpreted for minutes, and the interpreter's cost is
 * proportional to the bytecodes run and objects made. One instance per file; not thread-safe.
 */
public final class ProcText {
  private static final double[] POWERS_OF_TEN = {
    1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  // A File made once: building one from a string per read normalises the path each time.
  private final File file;
  private byte[] buf;
  private int len;
  private int pos;

  /** An empty text of {@code file} with room for {@code capacity} bytes (grows if need be). */
  public ProcText(Path file, int capacity) {
    this.file = file == null ? null : file.toFile();
    this.buf = new byte[Math.max(64, capacity)];
  }

  /** A text holding the given lines, each ended by a newline (tests and callers with lines). */
  public static ProcText of(List<String> lines) {
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    ProcText t = new ProcText(null, bytes.length);
    System.arraycopy(bytes, 0, t.buf, 0, bytes.length);
    t.len = bytes.length;
    return t;
  }

  /**
   * Replaces the content with the whole of the file as it is now and moves the cursor to its start.
   *
   * @throws IOException when the file cannot be opened or read
   */
  public ProcText load() throws IOException {
    if (file == null) {
      throw new IllegalStateException("a text made of lines has no file to load");
    }
    // FileInputStream reads straight into the array: no channel, charset decoder or line list.
    try (FileInputStream in = new FileInputStream(file)) {
      int total = 0;
      while (true) {
        if (total == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, total, buf.length - total);
        if (n < 0) {
          break;
        }
        total += n;
      }
      len = total;
    }
    pos = 0;
    return this;
  }

  /** Moves the cursor back to the start of the content. */
  public void rewind() {
    pos = 0;
  }

  /** True while the cursor is before the end of the content. */
  public boolean hasMore() {
    return pos < len;
  }

  /** Moves the cursor past the next newline (or to the end). */
  public void nextLine() {
    while (pos < len && buf[pos++] != '\n') {
      // skip
    }
  }

  /** Skips spaces and tabs (not newlines). */
  public void skipBlanks() {
    while (pos < len && (buf[pos] == ' ' || buf[pos] == '\t')) {
      pos++;
    }
  }

  /** True when the current line, from the cursor, starts with {@code prefix} (ASCII). */
  public boolean startsWith(String prefix) {
    int n = prefix.length();
    if (pos + n > len) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (buf[pos + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The byte at the cursor plus {@code offset}, or -1 past the end. */
  public int peek(int offset) {
    int i = pos + offset;
    return i < len ? buf[i] : -1;
  }

  /** Moves the cursor forward by {@code n} bytes, not past the end of the content. */
  public void skip(int n) {
    pos = Math.min(len, pos + n);
  }

  /** Skips blanks, then the next word (up to a blank or newline). */
  public void skipWord() {
    skipBlanks();
    while (pos < len && !isBreak(buf[pos])) {
      pos++;
    }
  }

  /** Skips the next {@code n} words. */
  public void skipWords(int n) {
    for (int i = 0; i < n; i++) {
      skipWord();
    }
  }

  /**
   * Skips blanks and reads the next word as an unsigned decimal; -1 when the word does not start
   * with a digit or the line has no more words (the cursor then stays on the line's end). Digits
   * stop at the first non-digit, which is skipped with the rest of the word.
   */
  public long nextLong() {
    skipBlanks();
    if (pos >= len || buf[pos] < '0' || buf[pos] > '9') {
      if (pos < len && !isBreak(buf[pos])) {
        skipWord();
      }
      return -1;
    }
    long v = 0;
    while (pos < len && buf[pos] >= '0' && buf[pos] <= '9') {
      v = v * 10 + (buf[pos++] - '0');
    }
    while (pos < len && !isBreak(buf[pos])) {
      pos++;
    }
    return v;
  }

  /**
   * Skips blanks and reads the next word as a decimal such as {@code 0.25}; NaN when it is not one.
   * The digits are read as one integer and divided by a power of ten, both exact in a double, so
   * the result is the correctly rounded value that {@code Double.parseDouble} gives, without a
   * string.
   */
  public double nextDecimal() {
    skipBlanks();
    long digits = 0;
    int count = 0;
    int fraction = -1;
    while (pos < len && !isBreak(buf[pos])) {
      byte b = buf[pos++];
      if (b == '.' && fraction < 0) {
        fraction = 0;
      } else if (b >= '0' && b <= '9' && count < 15) {
        digits = digits * 10 + (b - '0');
        count++;
        if (fraction >= 0) {
          fraction++;
        }
      } else {
        skipWord();
        return Double.NaN;
      }
    }
    return count == 0 ? Double.NaN : digits / POWERS_OF_TEN[Math.max(0, fraction)];
  }

  /** Skips blanks and returns the next word as a string, up to a blank, newline or {@code stop}. */
  public String nextWord(char stop) {
    skipBlanks();
    int start = pos;
    while (pos < len && !isBreak(buf[pos]) && buf[pos] != stop) {
      pos++;
    }
    return new String(buf, start, pos - start, StandardCharsets.UTF_8);
  }

  /**
   * True when the next word (after blanks), up to a blank, newline or {@code stop}, equals {@code
   * word}; the cursor does not move.
   */
  public boolean nextWordEquals(String word, char stop) {
    int p = pos;
    while (p < len && (buf[p] == ' ' || buf[p] == '\t')) {
      p++;
    }
    int n = word.length();
    for (int i = 0; i < n; i++) {
      if (p + i >= len || buf[p + i] != word.charAt(i)) {
        return false;
      }
    }
    int end = p + n;
    return end >= len || isBreak(buf[end]) || buf[end] == stop;
  }

  /** True when the cursor is at a newline or the end (the rest of the line is blank). */
  public boolean atLineEnd() {
    skipBlanks();
    return pos >= len || buf[pos] == '\n';
  }

  /** Moves the cursor just past the next {@code c} on the current line; false if there is none. */
  public boolean skipPast(char c) {
    int p = pos;
    while (p < len && buf[p] != '\n') {
      if (buf[p] == c) {
        pos = p + 1;
        return true;
      }
      p++;
    }
    return false;
  }

  private static boolean isBreak(byte b) {
    return b == ' ' || b == '\t' || b == '\n';
  }
}
