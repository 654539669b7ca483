package bd.com.getit.realtime.app;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The REST API's handler with a request id and, when turned on ({@code REALTIME_ACCESS_LOG}), one
 * line per request on the logger {@code realtime.access}: method, path, status, milliseconds,
 * bytes, client address. The request id is the caller's {@code X-Request-Id} when it is a sane
 * token, else a new one; it is echoed in the response and in the MDC ({@code request_id}) while the
 * request is handled, so the lines the request causes carry it. Query strings are not logged (they
 * may hold tokens).
 */
final class AccessLog extends HttpHandler {
  static final String LOGGER = "realtime.access";
  static final String REQUEST_ID = "request_id";
  static final String HEADER = "X-Request-Id";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final HttpHandler delegate;
  private final boolean enabled;

  AccessLog(HttpHandler delegate, boolean enabled) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.enabled = enabled;
  }

  @Override
  public void start() {
    delegate.start();
  }

  @Override
  public void destroy() {
    delegate.destroy();
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    String given = request.getHeader(HEADER);
    String id =
        given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    response.setHeader(HEADER, id);
    long start = System.nanoTime();
    if (enabled) {
      // After the response is complete, also when a resource answered asynchronously.
      request.addAfterServiceListener(done -> log(done, id, start));
    }
    MDC.put(REQUEST_ID, id);
    try {
      delegate.service(request, response);
    } finally {
      MDC.remove(REQUEST_ID);
    }
  }

  private static void log(Request request, String id, long start) {
    Response response = request.getResponse();
    MDC.put(REQUEST_ID, id);
    try {
      LOG.info(
          "{} {} {} {}ms {}B {}",
          request.getMethod().getMethodString(),
          request.getRequestURI(),
          response.getStatus(),
          (System.nanoTime() - start) / 1_000_000,
          Math.max(0, response.getContentLengthLong()),
          request.getRemoteAddr());
    } catch (RuntimeException e) {
      LOG.debug("could not log a request", e);
    } finally {
      MDC.remove(REQUEST_ID);
    }
  }
}
