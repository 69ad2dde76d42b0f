package io.nodelink.metrics.testkit.contract;

import java.util.List;

/**
 * The history series names of the contract, written once for every test that checks them (the
 * server's series extraction, the history integration tests).
 */
public final class ContractSeries {

  /** Host-level series every full snapshot yields (docs/history.md), including the sums. */
  public static final List<String> HOST_SERIES =
      List.of(
          "cpu.usage_percent",
          "cpu.user_percent",
          "cpu.system_percent",
          "cpu.idle_percent",
          "cpu.iowait_percent",
          "cpu.temperature_celsius",
          "memory.usage_percent",
          "memory.total_bytes",
          "memory.used_bytes",
          "memory.available_bytes",
          "memory.swap_usage_percent",
          "load.load1",
          "load.load5",
          "load.load15",
          "disk.usage_percent",
          "processes.total",
          "processes.running",
          "processes.sleeping",
          "processes.zombie",
          "disk.read_bytes_per_sec",
          "disk.write_bytes_per_sec",
          "network.bytes_sent_per_sec",
          "network.bytes_recv_per_sec");

  /**
   * Per-instance series ({@code <group>.<instance>.<field>}) of the testkit's sample snapshot: two
   * cores, disk {@code sda1}, interface {@code eth0}.
   */
  public static final List<String> SAMPLE_INSTANCE_SERIES =
      List.of(
          "cpu.core0.usage_percent",
          "cpu.core1.usage_percent",
          "disk.sda1.usage_percent",
          "network.eth0.bytes_recv_per_sec");

  /** The collection time of a snapshot (an extension: proto field 20). */
  public static final String COLLECTION_DURATION = "collection.duration_ms";

  private ContractSeries() {}
}
