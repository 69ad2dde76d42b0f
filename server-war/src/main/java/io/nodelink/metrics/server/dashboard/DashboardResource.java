package io.nodelink.metrics.server.dashboard;

import io.nodelink.metrics.server.api.errors.ErrorResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Optional;

/**
 * Serves the dashboard: {@code GET /} is the single page, {@code /assets/...} its scripts and
 * styles from the WAR, {@code /webjars/...} the front-end libraries packed as WebJars.
 *
 * <p>The JAX-RS application owns {@code /*} of the API port, so the container's default servlet
 * never sees these paths; this resource stands in for it. Pages and assets are revalidated on every
 * use ({@code no-cache} plus a content ETag, so a redeploy shows at once and an unchanged file
 * costs a 304); WebJar paths carry their version and are cached for a year.
 */
@Path("/")
@RequestScoped
public class DashboardResource {

  private static final String INDEX = "/index.html";
  private static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;

  @Inject StaticFiles files;

  @Context ServletContext servletContext;
  @Context Request request;
  @Context UriInfo uriInfo;

  /** The dashboard's single page. */
  @GET
  public Response index(@HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
    return serve(INDEX, revalidate(), acceptEncoding);
  }

  /** A script, style sheet or image of the dashboard. */
  @GET
  @Path("assets/{path: .+}")
  public Response asset(
      @PathParam("path") String ignored,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
    return rawTail("assets/")
        .map(path -> serve("/assets/" + path, revalidate(), acceptEncoding))
        .orElseGet(DashboardResource::invalidPath);
  }

  /**
   * A file of a WebJar, addressed with its version, e.g. {@code uplot/1.6.30/dist/uPlot.esm.js}.
   */
  @GET
  @Path("webjars/{path: .+}")
  public Response webjar(
      @PathParam("path") String ignored,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
    return rawTail("webjars/")
        .map(path -> serve("/webjars/" + path, immutable(), acceptEncoding))
        .orElseGet(DashboardResource::invalidPath);
  }

  /**
   * The part of the request path after {@code prefix}, taken from the raw (encoded) path so that
   * escapes such as {@code %2F} are seen and refused instead of silently decoded.
   */
  private Optional<String> rawTail(String prefix) {
    String raw = uriInfo.getPath(false);
    if (raw.startsWith("/")) {
      raw = raw.substring(1);
    }
    if (!raw.startsWith(prefix)) {
      return Optional.empty();
    }
    return AssetPath.of(raw.substring(prefix.length()));
  }

  private Response serve(String resourcePath, String caching, String acceptEncoding) {
    Optional<StaticFile> found = files.find(servletContext, resourcePath);
    if (found.isEmpty()) {
      return error(Response.Status.NOT_FOUND, "file not found");
    }
    StaticFile file = found.get();
    boolean gzip = file.gzipped().isPresent() && acceptsGzip(acceptEncoding);
    // Each encoding is its own representation, so each gets its own strong tag.
    EntityTag etag = new EntityTag(gzip ? file.etag() + "-gz" : file.etag());
    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
    if (notModified != null) {
      return notModified
          .header(HttpHeaders.CACHE_CONTROL, caching)
          .header(HttpHeaders.VARY, "Accept-Encoding")
          .build();
    }
    Response.ResponseBuilder ok =
        Response.ok()
            .type(file.contentType())
            .tag(etag)
            .header(HttpHeaders.CACHE_CONTROL, caching)
            .header(HttpHeaders.VARY, "Accept-Encoding")
            .header("X-Content-Type-Options", "nosniff");
    if (gzip) {
      return ok.entity(file.gzipped().get()).encoding("gzip").build();
    }
    return ok.entity(file.bytes()).build();
  }

  private static boolean acceptsGzip(String acceptEncoding) {
    return acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip");
  }

  /** Pages and assets: always revalidated, so a redeploy is seen at once; 304 when unchanged. */
  private static String revalidate() {
    return "no-cache";
  }

  /** WebJar paths carry their version, so their content never changes. */
  private static String immutable() {
    return "public, max-age=" + ONE_YEAR_SECONDS + ", immutable";
  }

  private static Response invalidPath() {
    return error(Response.Status.BAD_REQUEST, "invalid path");
  }

  private static Response error(Response.Status status, String message) {
    return ErrorResponses.of(status.getStatusCode(), message);
  }
}
