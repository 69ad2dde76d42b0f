package io.nodelink.metrics.agent;

import io.nodelink.metrics.agent.config.AgentConfig;
import java.util.Map;
import picocli.CommandLine;

/** Lets tests in other packages parse a command line into its configuration. */
public final class AgentCommandAccess {
  private AgentCommandAccess() {}

  public static AgentConfig resolve(Map<String, String> env, String... args) {
    AgentCommand cmd = new AgentCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd.resolve(env);
  }
}
