package io.nodelink.metrics.agent.procfs;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Walks {@code /proc/[pid]/stat} once per sample. Only the first bytes of each stat file are read
 * into a reused buffer, which is what makes per-second process counts cheap compared with building
 * a full process object per pid.
 */
public final class ProcessTable {

  /** Receives each process seen during a scan. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * Called for each live process with its stat bytes in {@code buf[0..len)}; the buffer is reused
     * after the call returns.
     */
    void visit(int pid, char state, byte[] buf, int len);
  }

  private final Path proc;
  private final byte[] buffer = new byte[1024];
  private final StringBuilder path = new StringBuilder(64);

  public ProcessTable(ProcFs fs) {
    this.proc = fs.proc();
  }

  /**
   * Visits every process and returns the state counts. Not thread-safe (shared buffer).
   *
   * <p>The names come from one {@code File.list()} (the directory read in native code) and each
   * stat file is opened by a path string built in a reused builder: per process that is far fewer
   * objects and calls than a {@code DirectoryStream} of {@code Path}s and {@code
   * Files.newInputStream}, which counts because this walk runs too rarely for the JIT to compile
   * it.
   */
  public ProcessStates scan(Visitor visitor) throws IOException {
    String[] names = proc.toFile().list();
    if (names == null) {
      throw new IOException("cannot list " + proc);
    }
    path.setLength(0);
    path.append(proc).append('/');
    int prefix = path.length();
    ProcessStates.Counter counter = new ProcessStates.Counter();
    for (String name : names) {
      int pid = parsePid(name);
      if (pid <= 0) {
        continue;
      }
      path.setLength(prefix);
      path.append(name).append("/stat");
      int len = readInto(path.toString(), buffer);
      if (len <= 0) {
        continue; // exited while we were scanning
      }
      char state = PidStat.stateOf(buffer, len);
      counter.add(state);
      visitor.visit(pid, state, buffer, len);
    }
    return counter.result();
  }

  /** Reads up to {@code buffer.length} bytes of a file; -1 when it is gone or unreadable. */
  private static int readInto(String file, byte[] buffer) {
    try (FileInputStream in = new FileInputStream(file)) {
      int total = 0;
      int n;
      while (total < buffer.length && (n = in.read(buffer, total, buffer.length - total)) > 0) {
        total += n;
      }
      return total;
    } catch (IOException e) {
      return -1;
    }
  }

  /** The pid a /proc entry name stands for, or -1 for non-process entries. */
  static int parsePid(String name) {
    if (name.isEmpty() || name.length() > 10) {
      return -1;
    }
    int pid = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      pid = pid * 10 + (c - '0');
    }
    return pid;
  }
}
