package io.nodelink.metrics.server.api.errors;

import io.nodelink.metrics.server.view.ErrorDto;
import io.nodelink.metrics.server.view.Json;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of the web container (see {@code web.xml}): failures raised before JAX-RS runs — a
 * path with an encoded {@code /} or {@code .}, for instance — become JSON like every other error. A
 * request whose URI the container rejects is a client error: 400.
 *
 * <p>Only requests the container has already given to this application get here. A path that
 * decodes above the root, holds a control character or cannot be decoded is refused while Liberty
 * canonicalizes the URI, before it chooses an application, and keeps Liberty's own HTML 400.
 */
@WebServlet(name = "ContainerErrorServlet", urlPatterns = "/_error")
public class ContainerErrorServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());
  private static final Jsonb JSONB = Json.create();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    int status = code instanceof Integer i ? i : 404;
    String message = ErrorResponses.reason(status);
    if (error != null && isRejectedUri(error)) {
      status = 400;
      message = "invalid characters in the request path (encoded '/' or '.')";
    } else if (error != null && mentions(error, "SRVE0190E")) {
      // The container refusing a path into WEB-INF/META-INF (e.g. a decoded "..%2F"): not found.
      status = 404;
      message = ErrorResponses.reason(404);
    } else if (error != null) {
      status = 500;
      message = "internal server error";
      LOG.log(Level.SEVERE, "Unhandled error before the API ran", error);
    }
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    try (PrintWriter out = response.getWriter()) {
      out.write(JSONB.toJson(new ErrorDto(message)));
    }
  }

  private static boolean isRejectedUri(Throwable error) {
    return mentions(error, "CWWWC0005I");
  }

  private static boolean mentions(Throwable error, String messageId) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(messageId)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
