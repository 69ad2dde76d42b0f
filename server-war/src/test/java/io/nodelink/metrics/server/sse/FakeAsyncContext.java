package io.nodelink.metrics.server.sse;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The async context of one suspended request, with a response that writes to a strict output. */
final class FakeAsyncContext implements AsyncContext {

  final StrictServletOutput output;
  final List<AsyncListener> listeners = new CopyOnWriteArrayList<>();
  final AtomicInteger completions = new AtomicInteger();
  final Map<String, Object> responseCalls = new ConcurrentHashMap<>();
  private final HttpServletResponse response;

  FakeAsyncContext(StrictServletOutput output) {
    this.output = output;
    this.response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                  if (completions.get() > 0) {
                    throw new IllegalStateException("response used after complete()");
                  }
                  if (method.getName().equals("getOutputStream")) {
                    return output;
                  }
                  responseCalls.put(method.getName(), args == null ? List.of() : List.of(args));
                  return null;
                });
  }

  @Override
  public ServletResponse getResponse() {
    return response;
  }

  @Override
  public void complete() {
    if (completions.incrementAndGet() > 1) {
      throw new IllegalStateException("already completed");
    }
  }

  @Override
  public void addListener(AsyncListener listener) {
    listeners.add(listener);
  }

  @Override
  public void addListener(
      AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
    listeners.add(listener);
  }

  @Override
  public ServletRequest getRequest() {
    return null;
  }

  @Override
  public boolean hasOriginalRequestAndResponse() {
    return true;
  }

  @Override
  public void dispatch() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void dispatch(String path) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void dispatch(ServletContext context, String path) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void start(Runnable run) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T extends AsyncListener> T createListener(Class<T> type) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setTimeout(long timeout) {
    throw new UnsupportedOperationException("the stream must leave the timeout to JAX-RS");
  }

  @Override
  public long getTimeout() {
    return -1;
  }
}
