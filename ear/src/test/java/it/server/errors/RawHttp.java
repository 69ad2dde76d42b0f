package it.server.errors;

import it.support.ApiResponse;
import it.support.ItConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A GET whose request target goes on the wire byte for byte. {@link java.net.URI} (and so the JDK's
 * HTTP client) refuses targets such as {@code ?max_points=%%}, which are exactly what a hostile
 * client sends.
 */
final class RawHttp {

  private static final int TIMEOUT_MILLIS = 20_000;

  private RawHttp() {}

  /** GET {@code target} on the API port with {@code Connection: close}; the whole answer. */
  static ApiResponse get(String target) {
    try (Socket socket = new Socket("127.0.0.1", ItConfig.httpPort())) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      String request =
          "GET "
              + target
              + " HTTP/1.1\r\nHost: 127.0.0.1:"
              + ItConfig.httpPort()
              + "\r\nAccept: application/json\r\nAuthorization: "
              + it.support.Credentials.OPERATOR.basicHeader()
              + "\r\nConnection: close\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return parse(target, readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + target, e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    // One char per byte, so chunk sizes (in bytes) can be applied to the text.
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  private static ApiResponse parse(String target, String raw) {
    int end = raw.indexOf("\r\n\r\n");
    String head = end < 0 ? raw : raw.substring(0, end);
    String body = end < 0 ? "" : raw.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    if (headers.containsKey("Transfer-Encoding")) {
      body = dechunk(body);
    }
    String text = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    return new ApiResponse("GET", target, status, HttpHeaders.of(headers, (k, v) -> true), text);
  }

  /** The body of a {@code Transfer-Encoding: chunked} answer (sizes in hex, then CRLF). */
  private static String dechunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return body.toString();
  }
}
