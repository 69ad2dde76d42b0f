package io.nodelink.metrics.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.nodelink.metrics.pb.AgentServiceGrpc;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.pb.TaskResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that refuses the agent id as held by another host (ALREADY_EXISTS): the agent says so at
 * WARNING with the fix and waits the longest backoff before it tries again, instead of a quick
 * reconnect loop. It presents its host in the call metadata.
 */
class DuplicateIdRefusalTest {

  private static final long CAP_MILLIS = 30_000;

  private final List<Metadata> calls = new CopyOnWriteArrayList<>();
  private final List<Long> scheduledDelays = new CopyOnWriteArrayList<>();
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final Logger log = Logger.getLogger(AgentConnection.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final ScheduledThreadPoolExecutor scheduler =
      new ScheduledThreadPoolExecutor(1) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
          scheduledDelays.add(unit.toMillis(delay));
          return super.schedule(command, delay, unit);
        }
      };
  private Server server;
  private ManagedChannel channel;
  private AgentConnection agent;

  @AfterEach
  void close() throws Exception {
    log.removeHandler(capture);
    agent.stop(2000);
    scheduler.shutdownNow();
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void refusalAsDuplicateIsLoggedWithTheFixAndRetriedOnlyAfterTheLongestBackoff(@TempDir Path root)
      throws Exception {
    Files.createDirectories(root.resolve("proc/sys/kernel"));
    Files.writeString(root.resolve("proc/sys/kernel/hostname"), "host-b\n");
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/machine-id"), "0123abcd\n");
    log.addHandler(capture);
    startRefusingServer();

    agent =
        new AgentConnection(
            "shared-id",
            "t",
            "in-process",
            channel,
            new FakeSource(),
            scheduler,
            new Backoff(50, CAP_MILLIS, () -> 0.5),
            false,
            SnapshotBuffer.disabled(),
            HostIdentity.read(root.resolve("proc"), root));
    agent.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> agent.duplicateRefusals() == 1);
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).get(AgentConnection.AGENT_HOSTNAME)).isEqualTo("host-b");
    assertThat(calls.get(0).get(AgentConnection.AGENT_MACHINE_ID)).isEqualTo("0123abcd");
    assertThat(scheduledDelays).isNotEmpty();
    assertThat(scheduledDelays.get(scheduledDelays.size() - 1))
        .isGreaterThanOrEqualTo(CAP_MILLIS * 8 / 10);
    assertThat(warnings)
        .anySatisfy(
            r -> {
              assertThat(r.getMessage()).contains("another host is connected with the same id");
              assertThat(r.getMessage()).contains("its own agent id");
            });
  }

  private void startRefusingServer() throws Exception {
    String name = InProcessServerBuilder.generateName();
    ServerInterceptor headers =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata metadata, ServerCallHandler<Q, R> next) {
            calls.add(metadata);
            return next.startCall(call, metadata);
          }
        };
    AgentServiceGrpc.AgentServiceImplBase refusing =
        new AgentServiceGrpc.AgentServiceImplBase() {
          @Override
          public StreamObserver<TaskResponse> streamTasks(StreamObserver<TaskRequest> toAgent) {
            toAgent.onError(
                Status.ALREADY_EXISTS
                    .withDescription(
                        "duplicate agent id: agent id 'shared-id' is already connected")
                    .asException());
            return new StreamObserver<>() {
              @Override
              public void onNext(TaskResponse value) {}

              @Override
              public void onError(Throwable t) {}

              @Override
              public void onCompleted() {}
            };
          }
        };
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(ServerInterceptors.intercept(refusing, headers))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).build();
  }
}
