package bd.com.getit.realtime.app.e2e;

import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.util.concurrent.Callable;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * Reads with the Java client's org.json, whose exceptions are checked, inside plain methods; and
 * reads the JSON body of a reply of the shared test HTTP client.
 */
final class Json {
  private Json() {}

  /** The body of a reply as a JSON object; a body that is not one fails the test. */
  static JSONObject object(HttpTestClient.Reply reply) {
    try {
      return new JSONObject(reply.body());
    } catch (JSONException e) {
      throw new AssertionError("not a JSON object: " + reply.body(), e);
    }
  }

  /** The problem+json {@code code} of an error reply, or {@code null}. */
  static String code(HttpTestClient.Reply reply) {
    return object(reply).optString("code", null);
  }

  static <T> T read(Callable<T> read) {
    try {
      return read.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("unexpected JSON: " + e.getMessage(), e);
    }
  }
}
