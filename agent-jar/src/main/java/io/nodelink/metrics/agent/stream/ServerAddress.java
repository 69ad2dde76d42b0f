package io.nodelink.metrics.agent.stream;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Grpc;
import io.grpc.MethodDescriptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Which server a call reached: with a list of servers the log says which one the agent is connected
 * to, not the whole list.
 */
final class ServerAddress implements ClientInterceptor {

  private volatile ClientCall<?, ?> last;

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    ClientCall<Q, R> call = next.newCall(method, options);
    last = call;
    return call;
  }

  /** The remote address of the latest call once its transport is up, else {@code fallback}. */
  String of(String fallback) {
    ClientCall<?, ?> call = last;
    SocketAddress address =
        call == null ? null : call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    if (address instanceof InetSocketAddress inet) {
      return inet.getHostString() + ":" + inet.getPort();
    }
    return address == null ? fallback : address.toString();
  }
}
