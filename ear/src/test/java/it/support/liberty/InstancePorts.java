package it.support.liberty;

/** The three loopback ports of one Liberty instance: API (HTTP), admin (health) and agent gRPC. */
public record InstancePorts(int http, int admin, int grpc) {

  /** Three consecutive ports from {@code first} on. */
  public static InstancePorts from(int first) {
    return new InstancePorts(first, first + 1, first + 2);
  }
}
