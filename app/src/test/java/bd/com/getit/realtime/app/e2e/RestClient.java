package bd.com.getit.realtime.app.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.json.JSONObject;

/**
 * An HTTP client for the REST API of a {@link TestServer} (java.net.http, HTTP/1.1): paths are
 * relative to {@code /api/v1/realtime}; a {@code null} token sends no Authorization header.
 */
final class RestClient {
  static final String BASE_PATH = "/api/v1/realtime";

  // HTTP/1.1: java.net.http would otherwise offer an h2c upgrade on every cleartext request
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  RestClient(String serverUrl) {
    this(serverUrl, BASE_PATH);
  }

  /** A client whose paths are relative to {@code basePath} ("" for the server's root). */
  RestClient(String serverUrl, String basePath) {
    this.base = serverUrl + basePath;
  }

  /** One response: status, headers and body text. */
  record Reply(int status, HttpHeaders headers, String body) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    JSONObject json() {
      try {
        return new JSONObject(body);
      } catch (org.json.JSONException e) {
        throw new AssertionError("not a JSON object: " + body, e);
      }
    }

    /** The problem+json {@code code} of an error reply. */
    String code() {
      return json().optString("code", null);
    }
  }

  Reply get(String path, String token) {
    return send("GET", path, token, null, null, Map.of());
  }

  Reply post(String path, String token, String json) {
    return send("POST", path, token, "application/json", json, Map.of());
  }

  Reply put(String path, String token, String json) {
    return send("PUT", path, token, "application/json", json, Map.of());
  }

  Reply delete(String path, String token) {
    return send("DELETE", path, token, null, null, Map.of());
  }

  /** Any request; {@code body} may be {@code null}, {@code headers} are added as they are. */
  Reply send(
      String method,
      String path,
      String token,
      String contentType,
      String body,
      Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
