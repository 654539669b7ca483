package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import bd.com.getit.realtime.port.in.EventIngestUseCase.IngestCommand;
import bd.com.getit.realtime.port.in.EventIngestUseCase.Ingested;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /events} served on Grizzly directly: the route services publish on, many times a
 * second, for which Jersey's matching, injection, filters, binding and bean validation cost about
 * two thirds of the request (BENCHMARKS.md, "The REST publish path"). It answers exactly as {@link
 * EventResource} does (the same {@link BearerAuth}, {@link PublishRequest} and {@link Failures}),
 * and takes only the plain case: a JSON body with a {@code Content-Length} and no {@code Origin}; a
 * browser's request (CORS), a chunked body or another media type go to Jersey.
 */
final class PublishRoute {
  private static final Logger LOG = LoggerFactory.getLogger(PublishRoute.class);
  private static final String PATH = "/events";
  private static final String ACCEPTED_TYPE = "application/json";
  private static final ObjectMapper PROBLEMS = JsonMapper.create();

  private final EventIngestUseCase ingest;
  private final BearerAuth auth;
  private final int maxBodyBytes;

  PublishRoute(EventIngestUseCase ingest, BearerAuth auth, int maxBodyBytes) {
    this.ingest = ingest;
    this.auth = auth;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Whether {@code request} (under the API's base path) is one this route answers. */
  boolean serves(Request request) {
    return request.getMethod() == Method.POST
        && PATH.equals(request.getPathInfo())
        && request.getContentLength() >= 0
        && request.getHeader("Origin") == null
        && isJson(request.getContentType());
  }

  /** Answers {@code request}, at once or (when the ingest waits on a store) when it completes. */
  void service(Request request, Response response) throws IOException {
    if (request.getContentLength() > maxBodyBytes) {
      write(response, Failures.problem(new BodyTooLargeException(maxBodyBytes)));
      return;
    }
    BearerAuth.Outcome outcome = auth.authenticate(request.getHeader(Header.Authorization));
    if (outcome instanceof BearerAuth.Refused refused) {
      write(response, refused.problem());
      return;
    }
    BearerAuth.Authenticated caller = (BearerAuth.Authenticated) outcome;
    // the length is at most the limit: the whole body in one array, as the parser wants it
    byte[] body = request.getInputStream().readNBytes(request.getContentLength());
    CompletableFuture<Ingested> done;
    try {
      JsonObject envelope = PublishRequest.envelope(body);
      done =
          Replies.call(() -> ingest.ingest(new IngestCommand(caller.caller(), envelope)))
              .toCompletableFuture();
    } catch (RuntimeException e) {
      write(response, Failures.problem(e));
      return;
    }
    if (done.isDone()) {
      answer(response, done);
      return;
    }
    response.suspend();
    done.whenComplete(
        (ok, failure) -> {
          try {
            answer(response, done);
          } catch (IOException | RuntimeException e) {
            LOG.debug("could not answer a publish", e);
          } finally {
            response.resume();
          }
        });
  }

  private static void answer(Response response, CompletionStage<Ingested> done) throws IOException {
    Ingested ingested;
    try {
      ingested = done.toCompletableFuture().join();
    } catch (RuntimeException e) {
      write(response, Failures.problem(e));
      return;
    }
    response.setStatus(202);
    write(
        response, ACCEPTED_TYPE, EventResource.accepted(ingested).getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Response response, Problem problem) throws IOException {
    response.setStatus(problem.status());
    if (problem.retryAfterMs() != null) {
      response.setHeader(
          Header.RetryAfter, Long.toString(Math.max(1, (problem.retryAfterMs() + 999) / 1000)));
    }
    if (problem.status() == 401) {
      response.setHeader(Header.WWWAuthenticate, Problem.WWW_AUTHENTICATE);
    }
    byte[] json;
    try {
      json = PROBLEMS.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem is always writable", e);
    }
    write(response, Problem.MEDIA_TYPE, json);
  }

  private static void write(Response response, String type, byte[] body) throws IOException {
    response.setContentType(type);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int end = contentType.indexOf(';');
    String type = (end < 0 ? contentType : contentType.substring(0, end)).strip();
    return type.toLowerCase(Locale.ROOT).equals(ACCEPTED_TYPE);
  }
}
