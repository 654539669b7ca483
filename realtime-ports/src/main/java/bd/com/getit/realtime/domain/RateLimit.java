package bd.com.getit.realtime.domain;

import java.time.Duration;
import java.util.Objects;

/** At most {@code permits} actions in any sliding {@code window}. */
public record RateLimit(int permits, Duration window) {
  public RateLimit {
    Objects.requireNonNull(window, "window");
    if (permits < 1) {
      throw new IllegalArgumentException("permits >= 1");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window > 0");
    }
  }

  public static RateLimit perMinute(int permits) {
    return new RateLimit(permits, Duration.ofMinutes(1));
  }
}
