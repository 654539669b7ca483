package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.NodeId;
import java.time.Duration;
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
