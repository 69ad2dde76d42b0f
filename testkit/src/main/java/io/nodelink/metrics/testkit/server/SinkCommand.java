package io.nodelink.metrics.testkit.server;

import io.grpc.InsecureServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The fake agent server as a command: a sink on 127.0.0.1 that accepts every agent id with any
 * token, sends each agent a START and prints what arrives until it is stopped. {@code
 * bench/agent-overhead.sh} streams a real agent into it; also handy to watch an agent by hand:
 * {@code java -cp testkit/target/nodelink-testkit.jar:$(cat testkit/target/classpath.txt)
 * io.nodelink.metrics.testkit.server.SinkCommand --port 19090 --interval 1}.
 */
@Command(
    name = "sink",
    mixinStandardHelpOptions = true,
    description = "A pb.AgentService sink for agents: START on connect, counts on stderr.")
public final class SinkCommand implements Callable<Integer> {

  @Option(names = "--port", description = "Port on 127.0.0.1 (default 19090).")
  int port = 19090;

  @Option(names = "--interval", description = "Streaming interval sent in START (default 1).")
  int interval = 1;

  @Option(names = "--report", description = "Seconds between reports (default 10; 0 = none).")
  int report = 10;

  @Override
  public Integer call() throws Exception {
    FakeAgentServer sink =
        FakeAgentServer.builder(
                NettyServerBuilder.forAddress(
                        new InetSocketAddress("127.0.0.1", port),
                        InsecureServerCredentials.create())
                    .permitKeepAliveTime(10, TimeUnit.SECONDS))
            .startStreamingOnConnect(interval)
            .recordResponses(false)
            .start();
    System.err.printf("sink listening on port %d, START interval %d s%n", port, interval);
    CountDownLatch stopped = new CountDownLatch(1);
    // The benchmark stops the sink with a signal; the final counts still get printed.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    sink.close();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  System.err.println(sink.stats().report());
                  stopped.countDown();
                },
                "sink-stop"));
    while (!stopped.await(report <= 0 ? 3600 : report, TimeUnit.SECONDS)) {
      if (report > 0) {
        System.err.println(sink.stats().report());
      }
    }
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SinkCommand()).execute(args));
  }
}
