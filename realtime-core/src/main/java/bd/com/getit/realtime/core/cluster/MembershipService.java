package bd.com.getit.realtime.core.cluster;

import bd.com.getit.realtime.core.ConnectionListener;
import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.cluster.NodeStatus;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.port.out.ClusterMembership;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Keeps this node a live member of the cluster and cleans up after members that died without
 * leaving (a crash, {@code kill -9}): one live node claims a dead node's cleanup, removes its
 * connections from the registry and tells the connection listeners (presence) that each ended, so
 * their devices go and the presence changes are published; then the dead node is forgotten. The
 * host calls {@link #tick()} well within the node timeout (the reference server every third of it),
 * so a dead node's users are gone within about {@code 1⅓} timeouts. Thread-safe; never blocks; a
 * tick never fails (failures are logged and retried by the next tick).
 */
public final class MembershipService {
  private static final System.Logger LOG = System.getLogger(MembershipService.class.getName());
  private static final String GUEST_PREFIX = "guest:";

  private final NodeId self;
  private final ClusterMembership membership;
  private final ConnectionRegistry registry;
  private final List<ConnectionListener> listeners;
  private final Duration nodeTimeout;
  private final Supplier<NodeStatus> status;
  private final Supplier<? extends CompletionStage<?>> restore;
  private volatile boolean beaten;

  public MembershipService(
      NodeId self,
      ClusterMembership membership,
      ConnectionRegistry registry,
      List<ConnectionListener> listeners,
      Duration nodeTimeout) {
    this(self, membership, registry, listeners, nodeTimeout, null);
  }

  /** As above, and each tick reports {@code status} (this node's figures) with the heartbeat. */
  public MembershipService(
      NodeId self,
      ClusterMembership membership,
      ConnectionRegistry registry,
      List<ConnectionListener> listeners,
      Duration nodeTimeout,
      Supplier<NodeStatus> status) {
    this(self, membership, registry, listeners, nodeTimeout, status, null);
  }

  /**
   * As above, and when a tick finds that the cluster forgot this node after it had beaten (Redis
   * restarted empty, or the others took it for dead after a long pause and cleaned up after it),
   * {@code restore} puts this node's connections back (see {@code
   * ConnectionService.restoreRegistrations}).
   */
  public MembershipService(
      NodeId self,
      ClusterMembership membership,
      ConnectionRegistry registry,
      List<ConnectionListener> listeners,
      Duration nodeTimeout,
      Supplier<NodeStatus> status,
      Supplier<? extends CompletionStage<?>> restore) {
    this.status = status;
    this.restore = restore;
    this.self = Objects.requireNonNull(self, "self");
    this.membership = Objects.requireNonNull(membership, "membership");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.listeners = List.copyOf(listeners);
    this.nodeTimeout = Objects.requireNonNull(nodeTimeout, "nodeTimeout");
    if (nodeTimeout.isNegative() || nodeTimeout.isZero()) {
      throw new IllegalArgumentException("nodeTimeout > 0");
    }
  }

  /**
   * Renews this node's heartbeat, then cleans up every dead node whose cleanup this node claims.
   * Completes with the number of connections removed.
   */
  public CompletionStage<Integer> tick() {
    return membership
        .lastHeartbeat(self)
        .thenCompose(before -> membership.heartbeat(self, nodeTimeout).thenApply(v -> before))
        .thenCompose(before -> before.isEmpty() && beaten ? restored() : beat())
        .thenCompose(v -> status == null ? Stages.done() : membership.report(status.get()))
        .thenCompose(v -> membership.deadNodes())
        .thenCompose(this::cleanUp)
        .exceptionally(
            failure -> {
              LOG.log(System.Logger.Level.WARNING, "cluster membership round failed", failure);
              return 0;
            });
  }

  private CompletionStage<Void> beat() {
    beaten = true;
    return Stages.done();
  }

  /** The cluster had forgotten this node, which has beaten again just now. */
  private CompletionStage<Void> restored() {
    LOG.log(
        System.Logger.Level.WARNING,
        "the cluster had forgotten this node (Redis restarted empty, or this node was taken for"
            + " dead): restoring its connections");
    return restore == null
        ? Stages.done()
        : Stages.guard(() -> restore.get().thenApply(v -> (Void) null));
  }

  /** Leaves the cluster on a graceful stop: nobody needs to clean up after this node. */
  public CompletionStage<Void> leave() {
    return membership.leave(self);
  }

  private CompletionStage<Integer> cleanUp(Set<NodeId> dead) {
    CompletableFuture<Integer> total = CompletableFuture.completedFuture(0);
    for (NodeId node : dead) {
      if (node.equals(self)) {
        continue;
      }
      total = total.thenCompose(sum -> cleanUp(node).thenApply(n -> sum + n));
    }
    return total;
  }

  private CompletionStage<Integer> cleanUp(NodeId dead) {
    return membership
        .claimCleanup(dead, self, nodeTimeout)
        .thenCompose(
            claimed -> {
              if (!claimed) {
                return CompletableFuture.completedFuture(0);
              }
              return registry
                  .removeNode(dead)
                  .thenCompose(this::ended)
                  .thenCompose(count -> membership.forget(dead).thenApply(v -> count));
            });
  }

  private CompletionStage<Integer> ended(List<ConnectionInfo> connections) {
    if (!connections.isEmpty()) {
      LOG.log(
          System.Logger.Level.INFO,
          "removed {0} connections of a dead node ({1})",
          connections.size(),
          connections.get(0).node());
    }
    CompletableFuture<?>[] told =
        connections.stream()
            .flatMap(c -> listeners.stream().map(l -> tell(l, c)))
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(told).thenApply(v -> connections.size());
  }

  /** Tells one listener; its failure is logged and does not stop the others. */
  private static CompletableFuture<Void> tell(ConnectionListener listener, ConnectionInfo c) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      listener
          .disconnected(principal(c), c)
          .whenComplete(
              (v, failure) -> {
                if (failure != null) {
                  LOG.log(
                      System.Logger.Level.WARNING,
                      "a listener failed on the end of " + c.id(),
                      failure);
                }
                done.complete(null);
              });
    } catch (RuntimeException failure) {
      LOG.log(System.Logger.Level.WARNING, "a listener failed on the end of " + c.id(), failure);
      done.complete(null);
    }
    return done;
  }

  /**
   * Who held the connection, as far as listeners need: a guest's user id is {@code guest:<sid>};
   * the registry keeps no roles, and a signed-in user's presence does not depend on them.
   */
  static Principal principal(ConnectionInfo c) {
    if (c.user().value().startsWith(GUEST_PREFIX)) {
      return Principal.guest(c.id());
    }
    return Principal.of(c.user(), Set.of(Role.CUSTOMER));
  }
}
