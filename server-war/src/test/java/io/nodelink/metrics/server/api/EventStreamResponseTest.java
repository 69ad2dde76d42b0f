package io.nodelink.metrics.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The 200 of an event stream carries what JAX-RS and CorsFilter gave it before. */
class EventStreamResponseTest {

  private final List<String> calls = new CopyOnWriteArrayList<>();

  @Test
  void aListedOriginGetsItsOwnNameWithCredentialsAndVary() {
    EventStreamResponse.accept(
        request("http://dash.example"), response(), List.of("http://dash.example"));

    assertThat(calls)
        .containsExactly(
            "setHeader Access-Control-Allow-Origin http://dash.example",
            "setHeader Access-Control-Allow-Credentials true",
            "addHeader Vary Origin",
            "setStatus 200",
            "setContentType text/event-stream");
  }

  @Test
  void aWildcardAllowsAnyOriginWithoutCredentials() {
    EventStreamResponse.accept(request("http://any.example"), response(), List.of("*"));

    assertThat(calls)
        .containsExactly(
            "setHeader Access-Control-Allow-Origin *",
            "setStatus 200",
            "setContentType text/event-stream");
  }

  @Test
  void anOriginNotListedGetsNoCorsHeaders() {
    EventStreamResponse.accept(request("http://evil.example"), response(), List.of());

    assertThat(calls).containsExactly("setStatus 200", "setContentType text/event-stream");
  }

  private static HttpServletRequest request(String origin) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                "getHeader".equals(method.getName()) && "Origin".equals(args[0]) ? origin : null);
  }

  private HttpServletResponse response() {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            HttpServletResponse.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
              StringBuilder call = new StringBuilder(method.getName());
              for (Object arg : args) {
                call.append(' ').append(arg);
              }
              calls.add(call.toString());
              return null;
            });
  }
}
