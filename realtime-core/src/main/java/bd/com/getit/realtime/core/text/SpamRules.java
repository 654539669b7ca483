package bd.com.getit.realtime.core.text;

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
 * @param maxUsers how many users are tracked at once; the least recently active is forgotten
 */
public record SpamRules(int maxRepeats, int maxLinks, int maxRooms, Duration window, int maxUsers) {

  /** Three repeats, five links, ten rooms a minute, 10,000 users tracked. */
  public static final SpamRules DEFAULTS = new SpamRules(3, 5, 10, Duration.ofSeconds(60), 10_000);

  public SpamRules {
    Objects.requireNonNull(window, "window");
    if (maxRepeats < 1 || maxLinks < 0 || maxRooms < 1 || maxUsers < 1) {
      throw new IllegalArgumentException("spam thresholds must be positive");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window > 0");
    }
  }
}
