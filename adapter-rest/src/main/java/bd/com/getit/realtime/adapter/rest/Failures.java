package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.json.JsonInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any failure into a problem+json response: rule failures of the core keep their code,
 * malformed JSON is 400, well-formed JSON of the wrong shape 422, JAX-RS failures their status; an
 * unexpected exception is logged and answered as {@code INTERNAL} without its details.
 */
final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  private Failures() {}

  static Response toResponse(Throwable failure) {
    Response response = problem(failure).toResponse();
    if (unwrap(failure) instanceof NotAllowedException notAllowed) {
      return Response.fromResponse(response)
          .allow(notAllowed.getResponse().getAllowedMethods())
          .build();
    }
    return response;
  }

  static Problem problem(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof RealtimeException r) {
      return Problem.of(r.code(), r.code().httpStatus(), r.getMessage(), r.retryAfterMs());
    }
    if (t instanceof BodyTooLargeException big) {
      return Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, big.getMessage());
    }
    if (t instanceof InvalidRequestException bad) {
      return Problem.of(ErrorCode.PAYLOAD_INVALID, bad.getMessage());
    }
    if (t instanceof JsonInputException j) {
      // as Jackson's own parse failures below: not JSON at all is 400, the wrong JSON 422
      return j.reason() == JsonInputException.Reason.MALFORMED
          ? Problem.of(ErrorCode.PAYLOAD_INVALID, 400, "the body is not well-formed JSON", 0)
          : Problem.of(ErrorCode.PAYLOAD_INVALID, j.getMessage());
    }
    if (t instanceof ConstraintViolationException v) {
      return Problem.of(ErrorCode.PAYLOAD_INVALID, describe(v));
    }
    if (t instanceof JsonMappingException m) {
      return Problem.of(ErrorCode.PAYLOAD_INVALID, "wrong type or shape" + at(m));
    }
    if (t instanceof JsonProcessingException) {
      return Problem.of(ErrorCode.PAYLOAD_INVALID, 400, "the body is not well-formed JSON", 0);
    }
    if (t instanceof WebApplicationException w) {
      return webProblem(w);
    }
    LOG.error("unexpected failure in the REST API", t);
    return Problem.of(ErrorCode.INTERNAL, null);
  }

  private static Problem webProblem(WebApplicationException w) {
    int status = w.getResponse().getStatus();
    if (w instanceof NotFoundException) {
      return Problem.of(ErrorCode.NOT_FOUND, 404, "no such resource", 0);
    }
    if (w instanceof NotAllowedException) {
      return Problem.of(
          ErrorCode.NOT_FOUND,
          405,
          "method not allowed here; allowed: " + w.getResponse().getAllowedMethods(),
          0);
    }
    if (w instanceof NotSupportedException) {
      return Problem.of(ErrorCode.PAYLOAD_INVALID, 415, "the body must be application/json", 0);
    }
    if (status == 401) {
      return Problem.of(ErrorCode.AUTH_REQUIRED, null);
    }
    if (status == 403) {
      return Problem.of(ErrorCode.FORBIDDEN, null);
    }
    if (status == 413) {
      return Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, null);
    }
    if (status >= 500) {
      LOG.error("REST API failure", w);
      return Problem.of(ErrorCode.INTERNAL, null);
    }
    String reason = w.getResponse().getStatusInfo().getReasonPhrase();
    return Problem.of(ErrorCode.PAYLOAD_INVALID, status, reason, 0);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    // Jackson wraps what the body stream throws; the body limit must still read as 413.
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof BodyTooLargeException || c instanceof RealtimeException) {
        return c;
      }
    }
    return t;
  }

  private static String at(JsonMappingException m) {
    String path =
        m.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."));
    return path.isEmpty() ? "" : " at " + path;
  }

  private static String describe(ConstraintViolationException v) {
    return v.getConstraintViolations().stream()
        .sorted(Comparator.comparing(c -> c.getPropertyPath().toString()))
        .map(Failures::describe)
        .collect(Collectors.joining("; "));
  }

  private static String describe(ConstraintViolation<?> c) {
    String path = c.getPropertyPath().toString();
    // "create.body.type" -> "type": the method and parameter names mean nothing to a client
    String[] parts = path.split("\\.");
    String field =
        parts.length > 2
            ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
            : parts[parts.length - 1];
    return field + " " + c.getMessage();
  }
}
