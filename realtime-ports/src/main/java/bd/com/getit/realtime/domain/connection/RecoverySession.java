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
 * nothing), then {@code endedAt} is when it was last known live.
 */
public record RecoverySession(
    String pid, ConnectionId connection, UserId user, Set<ChannelName> channels, Instant endedAt) {
  public RecoverySession {
    Objects.requireNonNull(pid, "pid");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(user, "user");
    channels = Set.copyOf(channels);
    Objects.requireNonNull(endedAt, "endedAt");
  }
}
