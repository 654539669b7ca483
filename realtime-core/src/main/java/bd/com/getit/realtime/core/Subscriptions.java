package bd.com.getit.realtime.core;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.Principal;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** This node's live sessions and the channels each has joined. Thread-safe, in memory. */
public interface Subscriptions {

  boolean isSubscribed(ConnectionId connection, ChannelName channel);

  /** The principal of a live local connection. */
  Optional<Principal> principalOf(ConnectionId connection);

  /**
   * This node's connections subscribed to {@code channel}: an immutable snapshot that later joins
   * and leaves do not change, which fanouts iterate (and may keep) without copying it.
   */
  Set<ConnectionId> subscribers(ChannelName channel);

  /**
   * {@code targets} less the connections still replaying a recovered session, which keep {@code
   * outbound} until their replay is done (see {@code session.ReplayHolds}); by default, nobody
   * replays.
   */
  default Collection<ConnectionId> divertHeld(Collection<ConnectionId> targets, Outbound outbound) {
    return targets;
  }
}
