package bd.com.getit.realtime.adapter.websocket.engineio;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.Response;

/** Writes complete HTTP responses, suspended or not, without ever throwing at the caller. */
final class HttpReplies {

  private static final System.Logger LOG = System.getLogger(HttpReplies.class.getName());

  static final String TEXT_UTF8 = "text/plain; charset=UTF-8";

  private HttpReplies() {}

  static void text(Response response, int status, String contentType, String body) {
    bytes(response, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static void error(Response response, EngineError error) {
    text(response, error.httpStatus(), "application/json", error.json());
  }

  static void status(Response response, int status) {
    bytes(response, status, null, new byte[0]);
  }

  static void bytes(Response response, int status, String contentType, byte[] body) {
    try {
      response.setStatus(status);
      if (contentType != null) {
        response.setContentType(contentType);
      }
      response.setContentLength(body.length);
      if (body.length > 0) {
        response.getOutputStream().write(body);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, "could not write a response", e);
    } finally {
      resume(response);
    }
  }

  private static void resume(Response response) {
    if (!response.isSuspended()) {
      return;
    }
    try {
      response.resume();
    } catch (IllegalStateException e) {
      // the client went away meanwhile: the suspend was cancelled
      LOG.log(Level.DEBUG, "response no longer suspended", e);
    }
  }
}
