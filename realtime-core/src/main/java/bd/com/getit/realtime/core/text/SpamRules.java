package bd.com.getit.realtime.core.text;

import bd.com.getit.realtime.domain.chat.SpamLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds of the {@link SpamDetector}.
 *
 * @param maxRepeats how many times the same text may be sent within {@code window}; one more is
 *     spam
 * @param maxLinks how many links one message may carry
 * @param maxRooms how many distinct rooms a user may write to within {@code window}
 * @param window the sliding window of the repeat and room rules
 */
public record SpamRules(int maxRepeats, int maxLinks, int maxRooms, Duration window) {

  /** Three repeats, five links, ten rooms a minute. */
  public static final SpamRules DEFAULTS = new SpamRules(3, 5, 10, Duration.ofSeconds(60));

  public SpamRules {
    Objects.requireNonNull(window, "window");
    if (maxRepeats < 1 || maxLinks < 0 || maxRooms < 1) {
      throw new IllegalArgumentException(
          "spam thresholds: maxRepeats >= 1, maxLinks >= 0, maxRooms >= 1");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window > 0");
    }
  }

  /** The part of these rules the shared ledger judges by. */
  public SpamLimits limits() {
    return new SpamLimits(maxRepeats, maxRooms, window);
  }
}
