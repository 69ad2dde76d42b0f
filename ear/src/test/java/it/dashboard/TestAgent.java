package it.dashboard;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.nodelink.metrics.pb.AgentServiceGrpc;
import io.nodelink.metrics.pb.CpuInfo;
import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.DiskInfo;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.InstalledPackage;
import io.nodelink.metrics.pb.LoadMetrics;
import io.nodelink.metrics.pb.MemoryInfo;
import io.nodelink.metrics.pb.MemoryMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.MetricsResponse;
import io.nodelink.metrics.pb.MetricsStreamRequest;
import io.nodelink.metrics.pb.NetworkInterface;
import io.nodelink.metrics.pb.NetworkMetrics;
import io.nodelink.metrics.pb.OperatingSystem;
import io.nodelink.metrics.pb.ProcessMetrics;
import io.nodelink.metrics.pb.SystemHardware;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.SystemSoftware;
import io.nodelink.metrics.pb.TaskCancelResponse;
import io.nodelink.metrics.pb.TaskProcessMetrics;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.pb.TaskResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small agent for tests that speaks the agent protocol (CONTRACT.md §2 and the brief's protocol
 * details) with made-up but plausible numbers: answers system-info requests, streams snapshots on
 * START at the requested interval, and honours STOP, UPDATE_INTERVAL and cancel.
 *
 * <p>All sending happens on one scheduler thread, since a gRPC StreamObserver is not thread-safe.
 */
final class TestAgent implements AutoCloseable {

  private static final long GIB = 1024L * 1024 * 1024;

  private final String agentId;
  private final ManagedChannel channel;
  private final ScheduledExecutorService scheduler;
  private final AtomicInteger snapshotsSent = new AtomicInteger();
  private StreamObserver<TaskResponse> out;
  private ScheduledFuture<?> streaming;
  private String streamTaskId;
  private int tick;

  TestAgent(String host, int port, String agentId, String token) {
    this.agentId = agentId;
    this.channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().build();
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "test-agent-" + agentId);
              t.setDaemon(true);
              return t;
            });
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("agent_id", Metadata.ASCII_STRING_MARSHALLER), agentId);
    headers.put(Metadata.Key.of("agent_token", Metadata.ASCII_STRING_MARSHALLER), token);
    AgentServiceGrpc.AgentServiceStub stub =
        AgentServiceGrpc.newStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    StreamObserver<TaskRequest> in =
        new StreamObserver<>() {
          @Override
          public void onNext(TaskRequest request) {
            scheduler.execute(() -> handle(request));
          }

          @Override
          public void onError(Throwable t) {
            scheduler.execute(TestAgent.this::stopStreaming);
          }

          @Override
          public void onCompleted() {
            scheduler.execute(TestAgent.this::stopStreaming);
          }
        };
    this.out = stub.streamTasks(in);
  }

  /** How many metric snapshots this agent has sent. */
  int snapshotsSent() {
    return snapshotsSent.get();
  }

  /** Whether the server currently has this agent streaming. */
  boolean isStreaming() {
    return streaming != null;
  }

  private void handle(TaskRequest request) {
    String taskId = request.getTaskId();
    if (request.hasTaskCancel()) {
      cancel(taskId);
    } else if (request.hasMetricsRequest() && request.getMetricsRequest().hasSystemInfo()) {
      send(
          TaskResponse.newBuilder()
              .setTaskId(taskId)
              .setStatus(TaskResponse.Status.COMPLETED)
              .setIsFinal(true)
              .setMetricsResponse(MetricsResponse.newBuilder().setSystemInfo(systemInfo()))
              .build());
    } else if (request.hasMetricsRequest() && request.getMetricsRequest().hasStreamRequest()) {
      stream(taskId, request.getMetricsRequest().getStreamRequest());
    } else {
      send(status(taskId, TaskResponse.Status.FAILURE).setIsFinal(true).build());
    }
  }

  private void stream(String taskId, MetricsStreamRequest request) {
    int interval = request.getIntervalSeconds() == 0 ? 5 : request.getIntervalSeconds();
    if (interval < 1 || interval > 300) {
      send(status(taskId, TaskResponse.Status.FAILURE).setIsFinal(true).build());
      return;
    }
    switch (request.getAction()) {
      case START -> {
        finishStream();
        streamTaskId = taskId;
        send(status(taskId, TaskResponse.Status.IN_PROGRESS).build());
        schedule(interval);
      }
      case STOP -> {
        finishStream();
        send(status(taskId, TaskResponse.Status.COMPLETED).setIsFinal(true).build());
      }
      case UPDATE_INTERVAL -> {
        if (streaming != null) {
          schedule(interval);
        }
        send(status(taskId, TaskResponse.Status.COMPLETED).setIsFinal(true).build());
      }
      default -> send(status(taskId, TaskResponse.Status.FAILURE).setIsFinal(true).build());
    }
  }

  private void schedule(int intervalSeconds) {
    if (streaming != null) {
      streaming.cancel(false);
    }
    streaming =
        scheduler.scheduleAtFixedRate(this::sendSnapshot, 0, intervalSeconds, TimeUnit.SECONDS);
  }

  private void cancel(String taskId) {
    if (taskId.equals(streamTaskId)) {
      stopStreaming();
      send(
          status(taskId, TaskResponse.Status.COMPLETED)
              .setIsFinal(true)
              .setCancelled(true)
              .setTaskCancel(TaskCancelResponse.newBuilder().setMessage("stream cancelled"))
              .build());
    } else {
      send(status(taskId, TaskResponse.Status.FAILURE).setIsFinal(true).build());
    }
  }

  private void finishStream() {
    if (streamTaskId != null) {
      String old = streamTaskId;
      stopStreaming();
      send(status(old, TaskResponse.Status.COMPLETED).setIsFinal(true).build());
    }
  }

  private void stopStreaming() {
    if (streaming != null) {
      streaming.cancel(false);
      streaming = null;
    }
    streamTaskId = null;
  }

  private void sendSnapshot() {
    if (streamTaskId == null) {
      return;
    }
    send(
        status(streamTaskId, TaskResponse.Status.IN_PROGRESS)
            .setMetricsResponse(MetricsResponse.newBuilder().setMetricsData(snapshot(tick++)))
            .build());
    snapshotsSent.incrementAndGet();
  }

  private TaskResponse.Builder status(String taskId, TaskResponse.Status status) {
    return TaskResponse.newBuilder().setAgentId(agentId).setTaskId(taskId).setStatus(status);
  }

  private void send(TaskResponse response) {
    try {
      out.onNext(response);
    } catch (RuntimeException e) {
      // The call is gone (server stopped or closed it): the test sees it through its asserts.
      stopStreaming();
    }
  }

  private static MetricsDataResponse snapshot(int tick) {
    double cpu = 35 + 25 * Math.sin(tick / 3.0);
    MetricsDataResponse.Builder m =
        MetricsDataResponse.newBuilder()
            .setTimestamp(System.currentTimeMillis() / 1000)
            .setCpu(
                CpuMetrics.newBuilder()
                    .setUsagePercent(cpu)
                    .addCoreUsage(cpu + 10)
                    .addCoreUsage(cpu - 10)
                    .addCoreUsage(cpu + 5)
                    .addCoreUsage(cpu - 5)
                    .setUserPercent(cpu * 0.7)
                    .setSystemPercent(cpu * 0.25)
                    .setIdlePercent(100 - cpu)
                    .setIowaitPercent(0.8))
            .setMemory(
                MemoryMetrics.newBuilder()
                    .setTotalBytes(16 * GIB)
                    .setUsedBytes(9 * GIB)
                    .setAvailableBytes(7 * GIB)
                    .setFreeBytes(2 * GIB)
                    .setCachedBytes(4 * GIB)
                    .setBuffersBytes(GIB / 4)
                    .setUsagePercent(56.25 + 2 * Math.cos(tick / 4.0))
                    .setSwapTotalBytes(2 * GIB)
                    .setSwapUsedBytes(GIB / 4)
                    .setSwapFreeBytes(2 * GIB - GIB / 4)
                    .setSwapUsagePercent(12.5))
            .addDisks(
                DiskMetrics.newBuilder()
                    .setDevice("sda1")
                    .setMountPoint("/")
                    .setTotalBytes(500 * GIB)
                    .setUsedBytes(320 * GIB)
                    .setAvailableBytes(180 * GIB)
                    .setUsagePercent(64)
                    .setReadBytesPerSec(4_000_000L + tick % 5 * 500_000L)
                    .setWriteBytesPerSec(2_000_000L)
                    .setReadOpsPerSec(30)
                    .setWriteOpsPerSec(12)
                    .setIoUtilPercent(4.5))
            .addNetworkInterfaces(
                NetworkMetrics.newBuilder()
                    .setInterface("eth0")
                    .setBytesRecvPerSec(18_750_000L + tick % 7 * 1_000_000L)
                    .setBytesSentPerSec(2_500_000L)
                    .setPacketsRecvPerSec(14_000)
                    .setPacketsSentPerSec(3_000))
            .addNetworkInterfaces(
                NetworkMetrics.newBuilder()
                    .setInterface("lo")
                    .setBytesRecvPerSec(12_000)
                    .setBytesSentPerSec(12_000))
            .setProcesses(
                ProcessMetrics.newBuilder()
                    .setTotalProcesses(212)
                    .setRunningProcesses(2)
                    .setSleepingProcesses(210)
                    .addTaskProcesses(
                        TaskProcessMetrics.newBuilder()
                            .setTaskId("nginx")
                            .setPid(1234)
                            .setCpuPercent(3.2)
                            .setMemoryBytes(52L * 1024 * 1024)
                            .setVirtualMemoryBytes(300L * 1024 * 1024)
                            .setThreads(9)))
            .setLoad(LoadMetrics.newBuilder().setLoad1(1.23).setLoad5(0.98).setLoad15(0.7));
    return m.build();
  }

  private static SystemInfoResponse systemInfo() {
    SystemSoftware.Builder software =
        SystemSoftware.newBuilder()
            .setOs(
                OperatingSystem.newBuilder()
                    .setName("Debian GNU/Linux")
                    .setVersion("12 (bookworm)")
                    .setKernelVersion("6.1.0-18-amd64")
                    .setDistribution("debian"))
            .setHostname("test-host.example")
            .setUptimeSeconds(2 * 3600 + 15 * 60);
    for (String name : new String[] {"bash", "coreutils", "openssl", "openjdk-17-jre", "zlib1g"}) {
      software.addPackages(
          InstalledPackage.newBuilder()
              .setName(name)
              .setVersion("1.0-test")
              .setPackageManager("dpkg"));
    }
    return SystemInfoResponse.newBuilder()
        .setTimestamp(System.currentTimeMillis() / 1000)
        .setHardware(
            SystemHardware.newBuilder()
                .setCpu(
                    CpuInfo.newBuilder()
                        .setModel("Test CPU 4-core @ 3.00GHz")
                        .setCores(4)
                        .setThreads(4)
                        .setBaseFrequencyGhz(3.0)
                        .setMaxFrequencyGhz(3.6))
                .setMemory(
                    MemoryInfo.newBuilder().setTotalBytes(16 * GIB).setAvailableBytes(7 * GIB))
                .addDisks(
                    DiskInfo.newBuilder()
                        .setDevice("sda1")
                        .setMountPoint("/")
                        .setFilesystem("ext4")
                        .setTotalBytes(500 * GIB)
                        .setAvailableBytes(180 * GIB)
                        .setDiskType("SSD"))
                .setArchitecture("amd64")
                .setCoreCount(4)
                .setThreadCount(4))
        .setSoftware(software)
        .addNetworkInterfaces(
            NetworkInterface.newBuilder()
                .setName("eth0")
                .setMacAddress("52:54:00:12:34:56")
                .addIpAddresses("192.0.2.10")
                .setSpeedMbps(1000)
                .setIsUp(true))
        .build();
  }

  @Override
  public void close() throws InterruptedException {
    scheduler.execute(
        () -> {
          stopStreaming();
          try {
            out.onCompleted();
          } catch (RuntimeException e) {
            // Already closed by the server.
          }
        });
    scheduler.shutdown();
    scheduler.awaitTermination(5, TimeUnit.SECONDS);
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
