package bd.com.getit.realtime.core;

import bd.com.getit.realtime.domain.Principal;
import java.util.concurrent.CompletionStage;

/** The per-user, per-action rate limit policy of PROTOCOL section 7. */
public interface RateLimiter {

  /**
   * Completes normally when {@code principal} may do {@code action} now, exceptionally with a
   * {@code RATE_LIMITED} {@link bd.com.getit.realtime.domain.RealtimeException} carrying {@code
   * retry_after_ms} otherwise. Services and admins are exempt.
   */
  CompletionStage<Void> check(Principal principal, Action action);

  /** The limited actions and their default limits per minute. */
  enum Action {
    SEND_MESSAGE(30),
    JOIN_CHANNEL(60),
    BROADCAST_EVENT(120),
    UPDATE_PRESENCE(60),
    TYPING(120),
    MARK_READ(120),
    NOTIFICATION_STATUS(120),
    PLACE_BID(60),
    REST_READ(600);

    private final int defaultPerMinute;

    Action(int defaultPerMinute) {
      this.defaultPerMinute = defaultPerMinute;
    }

    public int defaultPerMinute() {
      return defaultPerMinute;
    }
  }
}
