package bd.com.getit.realtime.app;

import bd.com.getit.realtime.domain.JsonValue;
import java.io.IOException;
import java.time.Instant;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * {@code GET /info} (PROTOCOL section 10.6): {@code { name, version, commit, started_at, node_id
 * }}.
 */
final class InfoHandler extends HttpHandler {
  private final String body;

  InfoHandler(BuildInfo build, Instant startedAt, String nodeId) {
    this.body =
        JsonValue.JsonObject.builder()
            .put("name", build.name())
            .put("version", build.version())
            .put("commit", build.commit())
            .put("started_at", startedAt.toString())
            .put("node_id", nodeId)
            .build()
            .toJson();
  }

  @Override
  public void service(Request request, Response response) throws IOException {
    String method = request.getMethod().getMethodString();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      response.setStatus(405);
      response.setHeader("Allow", "GET, HEAD");
      return;
    }
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(body);
  }
}
