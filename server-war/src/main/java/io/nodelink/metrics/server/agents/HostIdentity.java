package io.nodelink.metrics.server.agents;

/**
 * Which machine an agent connection comes from, as far as the server knows: the hostname and
 * machine id the agent presents when it connects (call metadata {@code agent_hostname}, {@code
 * agent_machine_id}), or the hostname of the system info it sent. Either part may be unknown
 * ({@code ""}): agents of the original NodeLink system present neither.
 *
 * @param hostname the host's name, "" if unknown
 * @param machineId the host's machine id ({@code /etc/machine-id}), "" if unknown
 */
public record HostIdentity(String hostname, String machineId) {

  /** Nothing known about the host. */
  public static final HostIdentity UNKNOWN = new HostIdentity("", "");

  public HostIdentity {
    hostname = hostname == null ? "" : hostname;
    machineId = machineId == null ? "" : machineId;
  }

  public boolean isKnown() {
    return !hostname.isEmpty() || !machineId.isEmpty();
  }

  /**
   * Whether this and {@code other} are certainly two different machines: a part both know differs.
   * Unknown parts never make a difference, so an agent that presents nothing is never called a
   * duplicate by identity alone.
   */
  public boolean differsFrom(HostIdentity other) {
    return differ(hostname, other.hostname) || differ(machineId, other.machineId);
  }

  /** This identity with what {@code later} adds (a hostname learned from system info). */
  public HostIdentity completedBy(HostIdentity later) {
    return new HostIdentity(
        hostname.isEmpty() ? later.hostname : hostname,
        machineId.isEmpty() ? later.machineId : machineId);
  }

  private static boolean differ(String a, String b) {
    return !a.isEmpty() && !b.isEmpty() && !a.equals(b);
  }

  /** For messages: the hostname, else the machine id, else "an unknown host". */
  public String describe() {
    if (!hostname.isEmpty()) {
      return "host '" + hostname + "'";
    }
    return machineId.isEmpty() ? "an unknown host" : "machine id '" + machineId + "'";
  }
}
