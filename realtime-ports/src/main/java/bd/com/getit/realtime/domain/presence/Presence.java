package bd.com.getit.realtime.domain.presence;

import bd.com.getit.realtime.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's presence as others see it: the devices' presence aggregated (PROTOCOL section 5 {@code
 * presence_update}).
 */
public record Presence(
    UserId user,
    PresenceStatus status,
    Optional<Instant> lastSeen,
    Optional<String> currentPage,
    ShoppingActivity activity,
    Optional<Location> location,
    int deviceCount) {
  public Presence {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(currentPage, "currentPage");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(location, "location");
    if (deviceCount < 0) {
      throw new IllegalArgumentException("deviceCount < 0");
    }
  }

  public static Presence offline(UserId user, Optional<Instant> lastSeen) {
    return new Presence(
        user,
        PresenceStatus.OFFLINE,
        lastSeen,
        Optional.empty(),
        ShoppingActivity.NONE,
        Optional.empty(),
        0);
  }
}
