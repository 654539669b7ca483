package bd.com.getit.realtime.domain.connection;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a socket leaves behind for connection state recovery: its private session id ({@code pid}),
 * its user and its channels. Kept while the socket lives too (so a crash of its node loses
 * nothing), then {@code endedAt} is when it was last known live. That time is kept as epoch
 * milliseconds: a store in memory holds one of these per live socket, and an {@code Instant} would
 * be 24 bytes more each.
 */
public record RecoverySession(
    String pid,
    ConnectionId connection,
    UserId user,
    Set<ChannelName> channels,
    long endedAtMillis) {
  public RecoverySession {
    Objects.requireNonNull(pid, "pid");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(user, "user");
    channels = Set.copyOf(channels);
  }

  /** A session last known live at {@code endedAt} (kept to the millisecond). */
  public RecoverySession(
      String pid,
      ConnectionId connection,
      UserId user,
      Set<ChannelName> channels,
      Instant endedAt) {
    this(
        pid, connection, user, channels, Objects.requireNonNull(endedAt, "endedAt").toEpochMilli());
  }

  /** When the socket was last known live, to the millisecond. */
  public Instant endedAt() {
    return Instant.ofEpochMilli(endedAtMillis);
  }
}
