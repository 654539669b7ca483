package bd.com.getit.realtime.domain.presence;

import bd.com.getit.realtime.domain.ConnectionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The presence one connection (device) of a user reports. */
public record DevicePresence(
    ConnectionId connection,
    PresenceStatus status,
    Optional<String> currentPage,
    ShoppingActivity activity,
    Optional<Location> location,
    Instant lastActivity) {
  public DevicePresence {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(currentPage, "currentPage");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(lastActivity, "lastActivity");
  }
}
