package bd.com.getit.realtime.core.connection;

import bd.com.getit.realtime.domain.NodeId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Tells whether the node that still holds a connection in the registry is gone, so that a client
 * reconnecting elsewhere may take its session over at once rather than after the dead node's
 * cleanup. Never fails: an unknown answer is "not gone".
 */
@FunctionalInterface
public interface SessionOwners {

  /** No cluster: a registered connection's node is never taken to be gone. */
  SessionOwners NONE = owner -> CompletableFuture.completedFuture(false);

  /** Completes {@code true} when {@code owner} is gone (crashed, or left without cleaning up). */
  CompletionStage<Boolean> gone(NodeId owner);
}
