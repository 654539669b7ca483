package bd.com.getit.realtime.domain.connection;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.presence.Location;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What changed on a live connection at {@code at}: its channels (after a join or leave), the link
 * quality it reported ({@code network_info}) or its location; an empty field is left as it was.
 */
public record ConnectionUpdate(
    ConnectionId connection,
    Instant at,
    Optional<Set<ChannelName>> channels,
    Optional<ConnectionQuality> quality,
    Optional<Location> location) {
  public ConnectionUpdate {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(channels, "channels");
    channels = channels.map(Set::copyOf);
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(location, "location");
  }

  public static ConnectionUpdate channels(
      ConnectionId connection, Instant at, Set<ChannelName> channels) {
    return new ConnectionUpdate(
        connection, at, Optional.of(channels), Optional.empty(), Optional.empty());
  }

  public static ConnectionUpdate quality(
      ConnectionId connection, Instant at, ConnectionQuality quality) {
    return new ConnectionUpdate(
        connection, at, Optional.empty(), Optional.of(quality), Optional.empty());
  }

  public static ConnectionUpdate location(ConnectionId connection, Instant at, Location location) {
    return new ConnectionUpdate(
        connection, at, Optional.empty(), Optional.empty(), Optional.of(location));
  }
}
