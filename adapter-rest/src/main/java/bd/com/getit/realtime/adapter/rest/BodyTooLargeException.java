package bd.com.getit.realtime.adapter.rest;

import java.io.IOException;

/** Thrown by a request body stream past the body limit; answered with 413. */
final class BodyTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  BodyTooLargeException(long limit) {
    super("the body is larger than " + limit + " bytes");
  }
}
