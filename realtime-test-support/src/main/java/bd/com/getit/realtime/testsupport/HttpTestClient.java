package bd.com.getit.realtime.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP/1.1 client for tests (java.net.http): paths are relative to a base URL, a {@code null}
 * token sends no {@code Authorization} header, and every call returns status, headers and body as
 * text, whatever the status. Thread-safe.
 */
public final class HttpTestClient {
  // HTTP/1.1: java.net.http would otherwise offer an h2c upgrade on every cleartext request,
  // which is not what the clients of a realtime server send.
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  /** A client whose paths are appended to {@code baseUrl}, e.g. {@code http://127.0.0.1:8080}. */
  public HttpTestClient(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new IllegalArgumentException("an http(s) base URL, not '" + baseUrl + "'");
    }
    this.base = baseUrl;
  }

  /** One response: status, headers and body text. */
  public record Reply(int status, HttpHeaders headers, String body) {
    /** The first value of a header, or {@code null}. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** The base URL paths are appended to. */
  public String baseUrl() {
    return base;
  }

  public Reply get(String path, String token) {
    return send("GET", path, token, null, null);
  }

  public Reply post(String path, String token, String json) {
    return send("POST", path, token, "application/json", json);
  }

  public Reply put(String path, String token, String json) {
    return send("PUT", path, token, "application/json", json);
  }

  public Reply delete(String path, String token) {
    return send("DELETE", path, token, null, null);
  }

  /** Any request; {@code body} and {@code contentType} may be {@code null}. */
  public Reply send(String method, String path, String token, String contentType, String body) {
    return send(method, path, token, contentType, body, Map.of());
  }

  /** Any request, with {@code headers} added as they are. */
  public Reply send(
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
    return send(b.build());
  }

  /** A request the test built itself, e.g. with headers the other methods do not set. */
  public Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
    }
  }
}
