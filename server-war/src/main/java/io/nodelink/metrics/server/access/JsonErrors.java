package io.nodelink.metrics.server.access;

import io.nodelink.metrics.server.view.ErrorDto;
import io.nodelink.metrics.server.view.Json;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/** Writes a refusal as the API's {@code {"error": ...}} JSON, before JAX-RS runs. */
public final class JsonErrors {

  private static final Jsonb JSONB = Json.create();

  private JsonErrors() {}

  public static void write(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    try (PrintWriter out = response.getWriter()) {
      out.write(JSONB.toJson(new ErrorDto(message)));
    }
  }
}
