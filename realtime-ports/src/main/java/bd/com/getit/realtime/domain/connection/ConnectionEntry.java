package bd.com.getit.realtime.domain.connection;

import bd.com.getit.realtime.domain.presence.Location;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One connection as the connection log keeps it: how it started, its latest channels, link quality
 * and location, when it was last active and when it ended. Holds no session secret (no pid).
 */
public record ConnectionEntry(
    ConnectionInfo connection,
    Instant lastActivity,
    Optional<ConnectionQuality> quality,
    Optional<Location> location,
    Optional<Instant> disconnectedAt) {
  public ConnectionEntry {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(lastActivity, "lastActivity");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(disconnectedAt, "disconnectedAt");
  }

  /** A connection just opened. */
  public static ConnectionEntry opened(ConnectionInfo connection) {
    return new ConnectionEntry(
        connection, connection.connectedAt(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean connected() {
    return disconnectedAt.isEmpty();
  }

  /** This entry with {@code update} applied. */
  public ConnectionEntry with(ConnectionUpdate update) {
    Objects.requireNonNull(update, "update");
    return new ConnectionEntry(
        update.channels().map(connection::withChannels).orElse(connection),
        update.at().isAfter(lastActivity) ? update.at() : lastActivity,
        update.quality().or(() -> quality),
        update.location().or(() -> location),
        disconnectedAt);
  }

  /** This entry, ended at {@code at}. */
  public ConnectionEntry closed(Instant at) {
    Objects.requireNonNull(at, "at");
    return new ConnectionEntry(
        connection,
        at.isAfter(lastActivity) ? at : lastActivity,
        quality,
        location,
        Optional.of(at));
  }
}
