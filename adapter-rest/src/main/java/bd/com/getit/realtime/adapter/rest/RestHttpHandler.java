package bd.com.getit.realtime.adapter.rest;

import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;

/**
 * The REST API as one Grizzly handler, mounted at {@link RestApi#BASE_PATH}: the publish route
 * answers its plain requests itself, Jersey everything else.
 */
final class RestHttpHandler extends HttpHandler {
  private final PublishRoute publish;
  private final GrizzlyHttpContainer jersey;

  RestHttpHandler(PublishRoute publish, GrizzlyHttpContainer jersey) {
    super("realtime-rest");
    this.publish = publish;
    this.jersey = jersey;
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    if (publish.serves(request)) {
      publish.service(request, response);
    } else {
      jersey.service(request, response);
    }
  }

  // Jersey's application starts and stops with the server the handler is mounted on.
  @Override
  public void start() {
    jersey.start();
  }

  @Override
  public void destroy() {
    jersey.destroy();
  }
}
