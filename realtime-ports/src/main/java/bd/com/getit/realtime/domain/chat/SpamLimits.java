package bd.com.getit.realtime.domain.chat;

import java.time.Duration;
import java.util.Objects;

/**
 * The spam thresholds a {@link bd.com.getit.realtime.port.out.SpamLedger} judges by, within one
 * sliding window per user.
 *
 * @param maxRepeats how many times the same text may be written within {@code window}; one more is
 *     spam
 * @param maxRooms how many distinct rooms a user may write to within {@code window}; a message to
 *     one more is spam
 * @param window the sliding window, per user
 */
public record SpamLimits(int maxRepeats, int maxRooms, Duration window) {
  public SpamLimits {
    Objects.requireNonNull(window, "window");
    if (maxRepeats < 1 || maxRooms < 1) {
      throw new IllegalArgumentException("maxRepeats and maxRooms must be at least 1");
    }
    if (window.isNegative() || window.isZero() || window.toMillis() < 1) {
      throw new IllegalArgumentException("window must be at least 1 ms: " + window);
    }
  }
}
