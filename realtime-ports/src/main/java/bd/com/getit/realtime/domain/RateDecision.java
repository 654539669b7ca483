package bd.com.getit.realtime.domain;

/** The answer to one attempt against a {@link RateLimit}. */
public record RateDecision(boolean allowed, long retryAfterMs) {
  public static final RateDecision ALLOW = new RateDecision(true, 0);

  public RateDecision {
    if (retryAfterMs < 0 || (allowed && retryAfterMs != 0)) {
      throw new IllegalArgumentException("retryAfterMs is 0 when allowed, positive otherwise");
    }
  }

  public static RateDecision deny(long retryAfterMs) {
    return new RateDecision(false, Math.max(1, retryAfterMs));
  }
}
