package io.nodelink.metrics.agent;

import io.nodelink.metrics.agent.config.AgentConfig;
import java.util.Map;
import picocli.CommandLine;

/** Lets tests in other packages parse a command line into its configuration. */
public final class AgentCliAccess {
  private AgentCliAccess() {}

  public static AgentConfig resolve(Map<String, String> env, String... args) {
    AgentCli cmd = new AgentCli();
    new CommandLine(cmd).parseArgs(args);
    return cmd.resolve(env);
  }
}
