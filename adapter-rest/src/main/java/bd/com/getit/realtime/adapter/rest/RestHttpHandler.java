package bd.com.getit.realtime.adapter.rest;

import java.util.function.Supplier;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The REST API as one Grizzly handler, mounted at {@link RestApi#BASE_PATH}: the publish route
 * answers its plain requests itself, Jersey everything else.
 *
 * <p>Jersey's application is built on the first request that needs it, not at start: Jersey, HK2
 * and Jackson's providers load several thousand classes whose metadata and compiled code a node
 * that only serves sockets and publishes would keep resident for nothing (BENCHMARKS.md, "Memory
 * (2026-12-07, evening)"). That first request waits for the build (a worker thread, never a
 * selector); the ones that arrive meanwhile wait for the same build.
 */
final class RestHttpHandler extends HttpHandler {
  private final PublishRoute publish;
  private final Supplier<? extends HttpHandler> factory;
  private final Object lock = new Object();
  private volatile HttpHandler jersey;
  private boolean destroyed;

  RestHttpHandler(PublishRoute publish, Supplier<? extends HttpHandler> factory) {
    super("realtime-rest");
    this.publish = publish;
    this.factory = factory;
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    if (publish.serves(request)) {
      publish.service(request, response);
    } else {
      jersey().service(request, response);
    }
  }

  private HttpHandler jersey() {
    HttpHandler built = jersey;
    if (built != null) {
      return built;
    }
    synchronized (lock) {
      if (jersey == null) {
        if (destroyed) {
          throw new IllegalStateException("the REST API is stopped");
        }
        HttpHandler created = factory.get();
        created.start();
        jersey = created;
      }
      return jersey;
    }
  }

  // Jersey's application stops with the server the handler is mounted on, if it was ever built.
  @Override
  public void destroy() {
    synchronized (lock) {
      destroyed = true;
      if (jersey != null) {
        jersey.destroy();
      }
    }
  }
}
