package bd.com.getit.realtime.app;

import bd.com.getit.realtime.app.security.DevelopmentTokens;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.VendorId;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Development mode only: {@code GET /dev/token?user=u1&roles=customer,admin&vendor_id=v1} answers a
 * token signed with the generated secret, valid for one hour.
 */
final class DevTokenHandler extends HttpHandler {
  private final DevelopmentTokens tokens;

  DevTokenHandler(DevelopmentTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void service(Request request, Response response) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("text/plain; charset=utf-8");
    String user = request.getParameter("user");
    String roles = Optional.ofNullable(request.getParameter("roles")).orElse("customer");
    try {
      UserId.of(user == null ? "" : user);
      List<String> names = Arrays.stream(roles.split(",")).map(String::strip).toList();
      for (String name : names) {
        if (Role.fromWire(name).filter(r -> r != Role.GUEST).isEmpty()) {
          throw new IllegalArgumentException("unknown role " + name);
        }
      }
      Optional<String> vendor =
          Optional.ofNullable(request.getParameter("vendor_id")).map(v -> VendorId.of(v).value());
      response.getWriter().write(tokens.issue(user, names, vendor, Duration.ofHours(1)));
    } catch (IllegalArgumentException | NullPointerException e) {
      response.setStatus(400);
      response
          .getWriter()
          .write(
              "user is required ([A-Za-z0-9_.:@-]{1,200}); roles are customer, vendor, "
                  + "support_agent, admin, service\n");
    }
  }
}
