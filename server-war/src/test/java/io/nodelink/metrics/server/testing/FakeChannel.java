package io.nodelink.metrics.server.testing;

import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.server.agents.AgentChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An agent channel that records what the server sends; {@link #end()} makes later sends fail. */
public final class FakeChannel implements AgentChannel {

  private final String agentId;
  private final List<TaskRequest> sent = new CopyOnWriteArrayList<>();
  private volatile boolean closedAsReplaced;
  private volatile boolean ended;

  public FakeChannel(String agentId) {
    this.agentId = agentId;
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
