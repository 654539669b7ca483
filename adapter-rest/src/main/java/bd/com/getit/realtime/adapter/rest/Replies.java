package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a use case's stage into the response Jersey resumes with when it completes (no request
 * thread waits), a failure into problem+json; and parses the path and query values resources take
 * as text, so that a bad one is a clear 404 or 422 and not Jersey's bare 404.
 */
final class Replies {
  private Replies() {}

  static <T> CompletionStage<Response> ok(CompletionStage<T> stage, Function<T, ?> view) {
    return reply(stage, v -> Response.ok(view.apply(v), MediaType.APPLICATION_JSON_TYPE).build());
  }

  static <T> CompletionStage<Response> reply(
      CompletionStage<T> stage, Function<T, Response> response) {
    return stage.handle(
        (v, failure) -> failure == null ? response.apply(v) : Failures.toResponse(failure));
  }

  /**
   * As {@link #reply}, but when the stage has completed already (the use case answered from memory)
   * the response itself, so that Jersey writes it at once instead of suspending the request and
   * resuming it, which cost about a sixth of a REST publish. For resource methods declared to
   * return {@code Object}: Jersey treats a returned stage as asynchronous and a returned {@code
   * Response} as is.
   */
  static <T> Object replyNow(CompletionStage<T> stage, Function<T, Response> response) {
    CompletableFuture<T> future = stage.toCompletableFuture();
    if (!future.isDone()) {
      return reply(stage, response);
    }
    try {
      return response.apply(future.join());
    } catch (CompletionException | CancellationException e) {
      return Failures.toResponse(e.getCause() != null ? e.getCause() : e);
    }
  }

  /** Runs {@code call}; what it throws before it has a stage is the stage's failure. */
  static <T> CompletionStage<T> call(Supplier<CompletionStage<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** An id in the path that is not even well-formed names nothing: 404. */
  static <T> T pathId(String raw, Function<String, T> parse, String what) {
    try {
      return parse.apply(raw);
    } catch (IllegalArgumentException e) {
      throw new RealtimeException(ErrorCode.NOT_FOUND, "no " + what + " " + raw);
    }
  }

  /** An id in a body or query that is not well-formed: 422. */
  static <T> T fieldId(String raw, Function<String, T> parse, String field) {
    if (raw == null) {
      throw new InvalidRequestException(field + " is required");
    }
    try {
      return parse.apply(raw);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field + " is not a valid id");
    }
  }

  static int integer(String raw, int fallback, String name) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name + " must be an integer");
    }
  }

  static boolean bool(String raw, boolean fallback, String name) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    switch (raw.strip()) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new InvalidRequestException(name + " must be true or false");
    }
  }

  static Optional<Instant> time(String raw, String name) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(raw.strip()));
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(name + " must be an ISO-8601 UTC time");
    }
  }
}
