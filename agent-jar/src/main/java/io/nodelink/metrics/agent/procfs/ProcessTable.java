package io.nodelink.metrics.agent.procfs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
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

  public ProcessTable(ProcFs fs) {
    this.proc = fs.proc();
  }

  /** Visits every process and returns the state counts. Not thread-safe (shared buffer). */
  public ProcessStates scan(Visitor visitor) throws IOException {
    ProcessStates.Counter counter = new ProcessStates.Counter();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc)) {
      for (Path dir : dirs) {
        int pid = parsePid(dir.getFileName().toString());
        if (pid <= 0) {
          continue;
        }
        int len = ProcFs.readInto(dir.resolve("stat"), buffer);
        if (len <= 0) {
          continue; // exited while we were scanning
        }
        char state = PidStat.stateOf(buffer, len);
        counter.add(state);
        visitor.visit(pid, state, buffer, len);
      }
    }
    return counter.result();
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
