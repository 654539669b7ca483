package bd.com.getit.realtime.core.cluster;

import bd.com.getit.realtime.core.connection.SessionOwners;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ClusterMembership;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A node is gone when it has not renewed its heartbeat for {@code silence} (a few heartbeat
 * intervals), or is no member at all. Nodes beat every second or so while their heartbeat lives for
 * much longer (the node timeout, after which a dead node is cleaned up), so a node killed without a
 * word is known to be gone within seconds: the clients it held, reconnecting to other nodes, get
 * their sessions back at once. A failed look-up answers "not gone" (the client then starts a fresh
 * session, as before). The nodes' clocks must agree to well within {@code silence} (NTP).
 */
public final class SilentNodes implements SessionOwners {
  private static final System.Logger LOG = System.getLogger(SilentNodes.class.getName());

  private final ClusterMembership membership;
  private final Clock clock;
  private final Duration silence;

  public SilentNodes(ClusterMembership membership, Clock clock, Duration silence) {
    this.membership = Objects.requireNonNull(membership, "membership");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.silence = Objects.requireNonNull(silence, "silence");
    if (silence.isNegative() || silence.isZero()) {
      throw new IllegalArgumentException("silence > 0");
    }
  }

  @Override
  public CompletionStage<Boolean> gone(NodeId owner) {
    Objects.requireNonNull(owner, "owner");
    return membership
        .lastHeartbeat(owner)
        .thenApply(beat -> beat.isEmpty() || beat.get().plus(silence).isBefore(clock.now()))
        .exceptionally(
            failure -> {
              LOG.log(
                  System.Logger.Level.WARNING, "could not read the heartbeat of " + owner, failure);
              return false;
            });
  }
}
