package io.nodelink.metrics.server.sse;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.plugins.providers.StringTextStar;
import org.jboss.resteasy.plugins.providers.sse.OutboundSseEventImpl;
import org.jboss.resteasy.plugins.providers.sse.SseEventProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frames are byte for byte what RESTEasy's SSE sink wrote for the same events: its own provider is
 * the reference here (the same classes as in Liberty 26.0.0.3's RESTEasy 6.2.8, compared with
 * javap).
 */
class SseFrameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"agentId\":\"a1\",\"cpu\":{\"usage\":0.25}}",
        "",
        "two\nlines",
        "crlf\r\nline",
        "blank\n\nlines collapse",
        "trailing break\n",
        "\nleading break",
        "lone\rcarriage return",
        "unicode: é ☃ 😀"
      })
  void anEventIsEncodedAsRestEasyDid(String data) throws IOException {
    OutboundSseEvent event =
        new OutboundSseEventImpl.BuilderImpl().name("metrics").data(data).build();

    assertThat(text(SseFrame.event("metrics", data))).isEqualTo(restEasy(event));
  }

  @ParameterizedTest
  @ValueSource(strings = {"keepalive", "two\nlines", "", "trailing\n"})
  void aCommentIsEncodedAsRestEasyDid(String comment) throws IOException {
    OutboundSseEvent event = new OutboundSseEventImpl.BuilderImpl().comment(comment).build();

    assertThat(text(SseFrame.comment(comment))).isEqualTo(restEasy(event));
  }

  @Test
  void theFramesOnTheWireAreThese() {
    assertThat(text(SseFrame.event("status", "{\"connected\":false}")))
        .isEqualTo("event: status\ndata: {\"connected\":false}\n\n");
    assertThat(text(SseFrame.KEEPALIVE)).isEqualTo(": keepalive\n\n");
    assertThat(text(SseFrame.OPENING)).isEqualTo("\n\n");
  }

  private static String text(SseFrame frame) {
    return new String(frame.bytes(), StandardCharsets.UTF_8);
  }

  /** What RESTEasy's sink wrote for {@code event}: its provider, with its String writer. */
  private static String restEasy(OutboundSseEvent event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ReferenceProvider()
        .writeTo(
            event,
            OutboundSseEvent.class,
            OutboundSseEvent.class,
            new Annotation[0],
            MediaType.SERVER_SENT_EVENTS_TYPE,
            null,
            out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** RESTEasy's SSE provider, with only the String writer that its sink would find for our data. */
  private static final class ReferenceProvider extends SseEventProvider {
    ReferenceProvider() {
      super(new StringWriterOnly());
    }
  }

  private static final class StringWriterOnly implements Providers {
    @Override
    @SuppressWarnings("unchecked")
    public <T> MessageBodyWriter<T> getMessageBodyWriter(
        Class<T> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      return (MessageBodyWriter<T>) new StringTextStar();
    }

    @Override
    public <T> MessageBodyReader<T> getMessageBodyReader(
        Class<T> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T extends Throwable> ExceptionMapper<T> getExceptionMapper(Class<T> type) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> ContextResolver<T> getContextResolver(Class<T> contextType, MediaType mediaType) {
      throw new UnsupportedOperationException();
    }
  }
}
