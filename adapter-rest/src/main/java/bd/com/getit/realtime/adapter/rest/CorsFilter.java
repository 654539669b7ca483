package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.domain.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * CORS with an allow-list of origins. A preflight ({@code OPTIONS} with {@code
 * Access-Control-Request-Method}) is answered here, 204 for an allowed origin and 403 for another;
 * an allowed origin's responses carry {@code Access-Control-Allow-Origin}, a refused one's carry
 * nothing, so the browser withholds them. Requests without {@code Origin} (servers, curl) pass.
 */
@PreMatching
@Priority(50)
final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
  static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
  static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, Accept-Language";
  static final String EXPOSED_HEADERS = "Retry-After, WWW-Authenticate, Location";

  private final RestOptions options;

  CorsFilter(RestOptions options) {
    this.options = options;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String origin = request.getHeaderString("Origin");
    boolean preflight =
        "OPTIONS".equals(request.getMethod())
            && origin != null
            && request.getHeaderString("Access-Control-Request-Method") != null;
    if (!preflight) {
      return;
    }
    if (!options.allowsOrigin(origin)) {
      request.abortWith(
          Problem.of(ErrorCode.FORBIDDEN, 403, "origin " + origin + " is not allowed", 0)
              .toResponse());
      return;
    }
    request.abortWith(
        Response.noContent()
            .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
            .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
            .header("Access-Control-Max-Age", "600")
            .build());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String origin = request.getHeaderString("Origin");
    if (origin == null || !options.allowsOrigin(origin)) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle("Access-Control-Allow-Origin", origin);
    headers.add("Vary", "Origin");
    headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
  }
}
