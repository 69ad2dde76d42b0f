package io.nodelink.metrics.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.nodelink.metrics.pb.AgentServiceGrpc;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AgentAuthInterceptorTest {

  private final AgentAuthInterceptor interceptor =
      new AgentAuthInterceptor(() -> AgentTokens.parse("*:shared", List.of()));

  @Test
  void anIdOutsideTheUrlSafeSetIsRefusedAsInvalidArgument() {
    for (String id : List.of("a/b", "a b", "x".repeat(129), "h\u00f4te", "..%2f")) {
      Status status = call(id, "shared");

      assertThat(status.getCode()).as("id %s", id).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(status.getDescription()).contains("[A-Za-z0-9._-]{1,128}");
    }
  }

  @Test
  void aMissingIdOrTokenStaysUnauthenticated() {
    assertThat(call(null, "shared").getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(call("agent1", null).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(call("agent1", "wrong").getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void aValidIdWithAGoodTokenPasses() {
    assertThat(call("agent-1.example.com", "shared")).isNull();
  }

  @Test
  void refusedIdsAreLoggedEscapedAndCut() {
    assertThat(AgentIdentity.forLog("a\nb\"c")).isEqualTo("\"a\\u000ab\\u0022c\"");
    assertThat(AgentIdentity.forLog("x".repeat(1000)))
        .hasSizeLessThan(100)
        .endsWith("(1000 chars)");
    assertThat(AgentIdentity.forLog(null)).isEqualTo("(none)");
  }

  /** The status the call was closed with, or null if it went through to the handler. */
  private Status call(String agentId, String token) {
    Metadata headers = new Metadata();
    if (agentId != null) {
      headers.put(AgentIdentity.AGENT_ID_HEADER, agentId);
    }
    if (token != null) {
      headers.put(AgentIdentity.AGENT_TOKEN_HEADER, token);
    }
    AtomicReference<Status> closed = new AtomicReference<>();
    AtomicBoolean handled = new AtomicBoolean();
    interceptor.interceptCall(
        new RecordingCall(closed),
        headers,
        (call, h) -> {
          handled.set(true);
          return new ServerCall.Listener<>() {};
        });
    assertThat(handled.get()).isEqualTo(closed.get() == null);
    return closed.get();
  }

  private static final class RecordingCall extends ServerCall<Object, Object> {
    private final AtomicReference<Status> closed;

    RecordingCall(AtomicReference<Status> closed) {
      this.closed = closed;
    }

    @Override
    public void request(int numMessages) {}

    @Override
    public void sendHeaders(Metadata headers) {}

    @Override
    public void sendMessage(Object message) {}

    @Override
    public void close(Status status, Metadata trailers) {
      closed.set(status);
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @SuppressWarnings("unchecked")
    @Override
    public MethodDescriptor<Object, Object> getMethodDescriptor() {
      return (MethodDescriptor<Object, Object>)
          (MethodDescriptor<?, ?>) AgentServiceGrpc.getStreamTasksMethod();
    }
  }
}
