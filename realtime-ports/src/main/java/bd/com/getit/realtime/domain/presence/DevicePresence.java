package bd.com.getit.realtime.domain.presence;

import bd.com.getit.realtime.domain.ConnectionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The presence one connection (device) of a user reports. Its last activity is kept as epoch
 * milliseconds: the presence store holds one of these per connected device for as long as it is
 * connected, and an {@code Instant} would be 24 bytes more per idle socket.
 */
public record DevicePresence(
    ConnectionId connection,
    PresenceStatus status,
    Optional<String> currentPage,
    ShoppingActivity activity,
    Optional<Location> location,
    long lastActivityMillis) {
  public DevicePresence {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(currentPage, "currentPage");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(location, "location");
  }

  /** A device last active at {@code lastActivity} (kept to the millisecond). */
  public DevicePresence(
      ConnectionId connection,
      PresenceStatus status,
      Optional<String> currentPage,
      ShoppingActivity activity,
      Optional<Location> location,
      Instant lastActivity) {
    this(
        connection,
        status,
        currentPage,
        activity,
        location,
        Objects.requireNonNull(lastActivity, "lastActivity").toEpochMilli());
  }

  /** When the device was last active, to the millisecond. */
  public Instant lastActivity() {
    return Instant.ofEpochMilli(lastActivityMillis);
  }
}
