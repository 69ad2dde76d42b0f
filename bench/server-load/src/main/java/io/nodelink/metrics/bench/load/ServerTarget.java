package io.nodelink.metrics.bench.load;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options naming the server under test, shared by the load and soak commands. */
final class ServerTarget {

  @Option(names = "--host", defaultValue = "127.0.0.1")
  String host;

  @Option(names = "--http-port", defaultValue = "28080")
  int httpPort;

  @Option(names = "--admin-port", defaultValue = "29080")
  int adminPort;

  @Option(names = "--grpc-port", defaultValue = "29090")
  int grpcPort;

  @Option(names = "--token", defaultValue = "bench-secret", description = "The shared token.")
  String token;

  @Option(names = "--server-pid", required = true, description = "PID of the Liberty JVM.")
  long serverPid;

  Scenario.Target target(Path gcLog, Path out) {
    return new Scenario.Target(host, httpPort, adminPort, grpcPort, token, serverPid, gcLog, out);
  }
}
