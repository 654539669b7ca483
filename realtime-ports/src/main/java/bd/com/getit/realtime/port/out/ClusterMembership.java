package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.cluster.NodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Which nodes of the cluster are alive: each node renews a heartbeat that lapses after a time to
 * live; a node whose heartbeat lapsed without {@link #leave} is dead, and its leftovers
 * (connections, presence) are cleaned up by one other node, which claims the cleanup first. The
 * policy (how often, what to clean) is the core's; this port only stores. Thread-safe; returns at
 * once, completes later.
 */
public interface ClusterMembership {

  /** Renews {@code self}'s heartbeat for {@code ttl}, and makes it a member if it was not. */
  CompletionStage<Void> heartbeat(NodeId self, Duration ttl);

  /** Removes {@code self} from the members at once: a graceful stop leaves nothing to clean. */
  CompletionStage<Void> leave(NodeId self);

  /** The members whose heartbeat is alive. */
  CompletionStage<Set<NodeId>> liveNodes();

  /**
   * When {@code node} last renewed its heartbeat (by its own clock), while it is a member; empty
   * for a node that left, was forgotten or never beat. A node that beats often and has been silent
   * for a few beats is most likely dead long before its heartbeat lapses: a reconnecting client's
   * session can be taken over from it at once instead of after the cleanup.
   */
  CompletionStage<Optional<Instant>> lastHeartbeat(NodeId node);

  /**
   * Stores what {@code status.node()} reports of itself (its rates, its start), replacing its last
   * report; kept while the node is a member, gone when it leaves or is forgotten.
   */
  CompletionStage<Void> report(NodeStatus status);

  /** The last reports of the live members (those that reported at least once). */
  CompletionStage<List<NodeStatus>> statuses();

  /** The members whose heartbeat lapsed: they died without leaving. */
  CompletionStage<Set<NodeId>> deadNodes();

  /**
   * Claims the cleanup of {@code dead} for {@code claimant} for {@code lease}: completes {@code
   * true} for exactly one claimant while the lease runs, so one node cleans up.
   */
  CompletionStage<Boolean> claimCleanup(NodeId dead, NodeId claimant, Duration lease);

  /**
   * Forgets the dead member {@code node} once cleaned up; a no-op when its heartbeat is alive again
   * (it was only slow), so a live node is never forgotten.
   */
  CompletionStage<Void> forget(NodeId node);
}
