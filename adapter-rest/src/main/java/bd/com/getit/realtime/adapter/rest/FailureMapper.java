package bd.com.getit.realtime.adapter.rest;

import jakarta.annotation.Priority;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The exception mapper for every failure Jersey sees, its own included (unknown route, wrong
 * method, wrong media type, unreadable body): problem+json, never a stack trace or HTML.
 */
@Provider
@Priority(1)
final class FailureMapper implements ExceptionMapper<Throwable> {
  @Override
  public Response toResponse(Throwable failure) {
    return Failures.toResponse(failure);
  }

  /** Outranks jersey-bean-validation's own mapper, which answers 400 in plain text. */
  @Provider
  @Priority(1)
  static final class Validation implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException failure) {
      return Failures.toResponse(failure);
    }
  }
}
