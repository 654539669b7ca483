package bd.com.getit.realtime.app;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * {@code GET /health/live} and {@code /health/ready}: live while the process serves requests; ready
 * while every configured store answers and the server is not draining.
 */
final class HealthHandler extends HttpHandler {
  private final Supplier<Map<String, Boolean>> checks;

  /** {@code checks} gives each check's name and state now; an empty map means liveness only. */
  HealthHandler(Supplier<Map<String, Boolean>> checks) {
    this.checks = checks;
  }

  @Override
  public void service(Request request, Response response) throws IOException {
    if (!"GET".equals(request.getMethod().getMethodString())
        && !"HEAD".equals(request.getMethod().getMethodString())) {
      response.setStatus(405);
      response.setHeader("Allow", "GET, HEAD");
      return;
    }
    Map<String, Boolean> report = checks.get();
    boolean up = !report.containsValue(false);
    StringBuilder body = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append('"');
    if (!report.isEmpty()) {
      body.append(",\"checks\":{");
      String sep = "";
      for (Map.Entry<String, Boolean> check : report.entrySet()) {
        body.append(sep).append('"').append(check.getKey()).append("\":\"");
        body.append(check.getValue() ? "UP" : "DOWN").append('"');
        sep = ",";
      }
      body.append('}');
    }
    response.setStatus(up ? 200 : 503);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(body.append('}').toString());
  }
}
