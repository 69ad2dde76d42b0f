package io.nodelink.metrics.server.testing;

import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.server.agents.AgentChannel;
import io.nodelink.metrics.server.agents.HostIdentity;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An agent channel that records what the server sends; {@link #end()} makes later sends fail. */
public final class FakeChannel implements AgentChannel {

  private final String agentId;
  private final HostIdentity host;
  private final List<TaskRequest> sent = new CopyOnWriteArrayList<>();
  private volatile boolean closedAsReplaced;
  private volatile boolean ended;

  public FakeChannel(String agentId) {
    this(agentId, HostIdentity.UNKNOWN);
  }

  /** A channel whose agent presented {@code hostname} when it connected. */
  public FakeChannel(String agentId, String hostname) {
    this(agentId, new HostIdentity(hostname, ""));
  }

  public FakeChannel(String agentId, HostIdentity host) {
    this.agentId = agentId;
    this.host = host;
  }

  @Override
  public HostIdentity hostIdentity() {
    return host;
  }

  @Override
  public String agentId() {
    return agentId;
  }

  @Override
  public boolean send(TaskRequest request) {
    if (ended) {
      return false;
    }
    sent.add(request);
    return true;
  }

  @Override
  public void closeReplaced() {
    closedAsReplaced = true;
    ended = true;
  }

  /** The transport ended: nothing can be sent any more. */
  public void end() {
    ended = true;
  }

  public List<TaskRequest> sent() {
    return List.copyOf(sent);
  }

  public boolean closedAsReplaced() {
    return closedAsReplaced;
  }

  @Override
  public String toString() {
    return "FakeChannel[" + agentId + "@" + Integer.toHexString(hashCode()) + "]";
  }
}
