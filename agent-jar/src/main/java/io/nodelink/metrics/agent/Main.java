package io.nodelink.metrics.agent;

/** Entry point of the shaded jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Keep log handlers open through shutdown so "stopping"/"stopped" reach the log.
    System.setProperty("java.util.logging.manager", AgentLogManager.class.getName());
    int code = AgentCli.execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
