package bd.com.getit.realtime.core;

import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Told when a connection of this node starts and ends (presence tracks devices this way). Called on
 * any thread; must not block.
 */
public interface ConnectionListener {

  CompletionStage<Void> connected(Principal principal, ConnectionInfo connection);

  CompletionStage<Void> disconnected(Principal principal, ConnectionInfo connection);

  /**
   * The connection has been live all along, but the cluster state forgot it (Redis restarted empty,
   * or this node was taken for dead after a long pause and cleaned up): restore what this listener
   * keeps there. By default, nothing: a listener that only records history must not record the
   * connection twice.
   */
  default CompletionStage<Void> restored(Principal principal, ConnectionInfo connection) {
    return CompletableFuture.completedFuture(null);
  }
}
