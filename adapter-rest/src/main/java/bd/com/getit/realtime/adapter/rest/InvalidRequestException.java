package bd.com.getit.realtime.adapter.rest;

/**
 * A parameter or field the adapter itself had to parse was invalid: 422 {@code PAYLOAD_INVALID}.
 */
final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvalidRequestException(String message) {
    super(message, null, false, false);
  }
}
