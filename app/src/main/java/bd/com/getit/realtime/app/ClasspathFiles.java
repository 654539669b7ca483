package bd.com.getit.realtime.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Serves read-only files under one URL prefix: the dashboard, the Swagger UI page, the development
 * demo and the WebJars they load, all from the jar, so a browser needs nothing but the server. A
 * path is looked up by a resolver; one that is not plain ({@code ..}, an escape, a backslash) is
 * 404 like any missing file, so nothing outside the resolver's folder can be named.
 */
final class ClasspathFiles extends HttpHandler {
  /** Path segments of letters, digits, {@code . _ -}, none of them only dots. */
  private static final Pattern PLAIN =
      Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*(?:[A-Za-z0-9_-][A-Za-z0-9._-]*)?");

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("map", "application/json"),
          Map.entry("png", "image/png"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"));

  private final Function<String, Optional<URL>> resolver;
  private final Map<String, String> headers;

  /**
   * @param resolver the file for a relative path ({@code ""} for the folder itself, {@code
   *     "app.js"}, {@code "dist/x.js"}); empty when there is none
   * @param headers added to every answer (caching, content security policy)
   */
  ClasspathFiles(Function<String, Optional<URL>> resolver, Map<String, String> headers) {
    this.resolver = resolver;
    this.headers = Map.copyOf(headers);
  }

  /** A resolver of the class path folder {@code folder}, {@code index.html} for the folder. */
  static Function<String, Optional<URL>> folder(String folder) {
    return path ->
        Optional.ofNullable(
            ClasspathFiles.class
                .getClassLoader()
                .getResource(folder + "/" + (path.isEmpty() ? "index.html" : path)));
  }

  @Override
  public void service(Request request, Response response) throws IOException {
    String method = request.getMethod().getMethodString();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      response.setStatus(405);
      response.setHeader("Allow", "GET, HEAD");
      return;
    }
    String uri = request.getRequestURI();
    String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    if (path.isEmpty()) {
      // relative links in the page (./app.js) need the folder's slash
      String query = request.getQueryString();
      response.sendRedirect(uri + "/" + (query == null ? "" : "?" + query));
      return;
    }
    String relative = path.substring(1);
    Optional<URL> file =
        PLAIN.matcher(relative).matches() && !relative.endsWith("/")
            ? resolver.apply(relative)
            : Optional.empty();
    if (file.isEmpty()) {
      response.setStatus(404);
      response.setContentType("text/plain; charset=utf-8");
      response.getWriter().write("not found\n");
      return;
    }
    headers.forEach(response::setHeader);
    response.setHeader("X-Content-Type-Options", "nosniff");
    String name = relative.isEmpty() ? "index.html" : relative;
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    response.setContentType(TYPES.getOrDefault(extension, "application/octet-stream"));
    if ("HEAD".equals(method)) {
      return;
    }
    try (InputStream in = file.get().openStream();
        OutputStream out = response.getOutputStream()) {
      in.transferTo(out);
    }
  }
}
