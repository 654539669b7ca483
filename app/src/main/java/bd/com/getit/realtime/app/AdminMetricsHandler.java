package bd.com.getit.realtime.app;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Language;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.port.out.TokenVerifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * {@code GET /admin/metrics}: {@link MetersJson} for the dashboard, to a bearer of an admin token
 * only; any other caller gets the problem+json error the REST API would give.
 */
final class AdminMetricsHandler extends HttpHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MetersJson meters;
  private final TokenVerifier verifier;

  AdminMetricsHandler(MetersJson meters, TokenVerifier verifier) {
    this.meters = meters;
    this.verifier = verifier;
  }

  @Override
  public void service(Request request, Response response) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    if (!"GET".equals(request.getMethod().getMethodString())) {
      response.setStatus(405);
      response.setHeader("Allow", "GET");
      return;
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      problem(response, ErrorCode.AUTH_REQUIRED, "send Authorization: Bearer <admin token>");
      return;
    }
    Principal principal;
    try {
      principal = verifier.verify(header.substring(7).strip());
    } catch (RealtimeException e) {
      problem(response, e.code(), e.getMessage());
      return;
    }
    if (!principal.has(Role.ADMIN)) {
      problem(response, ErrorCode.FORBIDDEN, "the dashboard's figures are for admins");
      return;
    }
    response.setContentType("application/json");
    JSON.writeValue(response.getOutputStream(), meters.snapshot());
  }

  private static void problem(Response response, ErrorCode code, String detail) throws IOException {
    response.setStatus(code.httpStatus());
    response.setContentType("application/problem+json");
    if (code.httpStatus() == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"realtime\"");
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "urn:realtime:problem:" + code.name().toLowerCase(Locale.ROOT));
    body.put("title", code.message(Language.EN));
    body.put("status", code.httpStatus());
    body.put("detail", detail == null ? code.message(Language.EN) : detail);
    body.put("code", code.name());
    body.put("detail_bn", code.message(Language.BN));
    JSON.writeValue(response.getOutputStream(), body);
  }
}
