package bd.com.getit.realtime.app;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * {@code GET /health/live} and {@code /health/ready}: live while the process serves requests; ready
 * while every configured store answers and the server is not draining.
 */
final class HealthHandler extends HttpHandler {
  private final BooleanSupplier ready;
  private final boolean readiness;

  HealthHandler(BooleanSupplier ready, boolean readiness) {
    this.ready = ready;
    this.readiness = readiness;
  }

  @Override
  public void service(Request request, Response response) throws IOException {
    if (!"GET".equals(request.getMethod().getMethodString())
        && !"HEAD".equals(request.getMethod().getMethodString())) {
      response.setStatus(405);
      response.setHeader("Allow", "GET, HEAD");
      return;
    }
    boolean up = !readiness || ready.getAsBoolean();
    response.setStatus(up ? 200 : 503);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
  }
}
