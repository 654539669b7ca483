package bd.com.getit.realtime.domain;

import java.util.Objects;

/**
 * A rule of the contract said no: carries one {@link ErrorCode} of PROTOCOL section 7. Adapters
 * turn it into an ack, an {@code error} event, a CONNECT_ERROR or a problem+json response; any
 * other exception is reported as {@link ErrorCode#INTERNAL}.
 */
public final class RealtimeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final long retryAfterMs;

  public RealtimeException(ErrorCode code, String detail) {
    this(code, detail, 0);
  }

  public RealtimeException(ErrorCode code, String detail, long retryAfterMs) {
    super(detail == null ? code.message(Language.EN) : detail, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.retryAfterMs = retryAfterMs;
  }

  public ErrorCode code() {
    return code;
  }

  /** For {@link ErrorCode#RATE_LIMITED}: how long to wait before trying again; 0 otherwise. */
  public long retryAfterMs() {
    return retryAfterMs;
  }

  /** The failure behind {@code t}: itself, its cause when wrapped, or INTERNAL. */
  public static RealtimeException of(Throwable t) {
    Throwable c = t;
    while (c != null) {
      if (c instanceof RealtimeException r) {
        return r;
      }
      c = c.getCause();
    }
    return new RealtimeException(ErrorCode.INTERNAL, null);
  }
}
