package io.nodelink.metrics.agent.procfs;

/**
 * Counts of processes by state, as {@code top} shows them: sleeping includes uninterruptible (D)
 * and idle kernel threads (I); stopped and traced processes count only towards the total.
 *
 * @param total all processes
 * @param running state R
 * @param sleeping states S, D and I
 * @param zombie state Z
 */
public record ProcessStates(int total, int running, int sleeping, int zombie) {

  /** Accumulates state letters. */
  public static final class Counter {
    private int total;
    private int running;
    private int sleeping;
    private int zombie;

    /** Counts one process with the given state letter. */
    public void add(char state) {
      total++;
      switch (state) {
        case 'R' -> running++;
        case 'S', 'D', 'I' -> sleeping++;
        case 'Z' -> zombie++;
        default -> {
          // Stopped, traced, dead: only in the total.
        }
      }
    }

    public ProcessStates result() {
      return new ProcessStates(total, running, sleeping, zombie);
    }
  }
}
