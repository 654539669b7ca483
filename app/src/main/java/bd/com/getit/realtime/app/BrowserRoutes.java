package bd.com.getit.realtime.app;

import bd.com.getit.realtime.port.out.TokenVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.webjars.WebJarVersionLocator;

/**
 * The pages a browser opens, all served from the jar: the admin dashboard at {@code /admin/} with
 * its figures at {@code /admin/metrics}, the Swagger UI of the REST API at {@code /api/docs/}, the
 * WebJars they load at {@code /webjars/<name>/<path>} (no version in the path), and in development
 * mode the Socket.IO demo at {@code /dev/demo/}.
 */
final class BrowserRoutes {
  static final String DASHBOARD = "/admin";
  static final String API_DOCS = "/api/docs";
  static final String WEBJARS = "/webjars";
  static final String DEMO = "/dev/demo";

  /** The dashboard's own files only: no inline script, no other origin, never in a frame. */
  private static final Map<String, String> PAGE_HEADERS =
      Map.of(
          "Content-Security-Policy",
          "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
              + " connect-src 'self'; frame-ancestors 'none'",
          "Referrer-Policy",
          "no-referrer",
          "Cache-Control",
          "no-cache");

  private BrowserRoutes() {}

  static void install(
      ServerConfiguration routes,
      AppConfig config,
      TokenVerifier verifier,
      MeterRegistry registry,
      boolean development) {
    add(
        routes,
        new ClasspathFiles(ClasspathFiles.folder("dashboard"), PAGE_HEADERS),
        DASHBOARD,
        "/*");
    add(
        routes,
        new AdminMetricsHandler(new MetersJson(registry, config.nodeId()), verifier),
        DASHBOARD,
        "/metrics");
    // Swagger UI builds its page with inline styles and evaluates nothing of ours: no CSP here.
    add(
        routes,
        new ClasspathFiles(ClasspathFiles.folder("swagger"), Map.of("Cache-Control", "no-cache")),
        API_DOCS,
        "/*");
    add(
        routes,
        new ClasspathFiles(webJars(), Map.of("Cache-Control", "public, max-age=86400")),
        WEBJARS,
        "/*");
    if (development) {
      Function<String, Optional<URL>> page = ClasspathFiles.folder("dev-demo");
      add(
          routes,
          new ClasspathFiles(
              path -> "socket.io.min.js".equals(path) ? file(config) : page.apply(path),
              Map.of("Cache-Control", "no-cache")),
          DEMO,
          "/*");
    }
  }

  /**
   * {@code uplot/dist/uPlot.min.css} to the file of whichever uplot WebJar is on the class path.
   */
  private static Function<String, Optional<URL>> webJars() {
    WebJarVersionLocator locator = new WebJarVersionLocator();
    return path -> {
      int slash = path.indexOf('/');
      if (slash <= 0) {
        return Optional.empty();
      }
      return Optional.ofNullable(
              locator.fullPath(path.substring(0, slash), path.substring(slash + 1)))
          .map(full -> BrowserRoutes.class.getClassLoader().getResource(full));
    };
  }

  private static Optional<URL> file(AppConfig config) {
    if (!Files.isRegularFile(config.devSocketIoClient())) {
      return Optional.empty();
    }
    try {
      return Optional.of(config.devSocketIoClient().toUri().toURL());
    } catch (MalformedURLException e) {
      return Optional.empty();
    }
  }

  private static void add(
      ServerConfiguration routes, HttpHandler handler, String context, String pattern) {
    routes.addHttpHandler(
        handler,
        HttpHandlerRegistration.builder().contextPath(context).urlPattern(pattern).build());
  }
}
