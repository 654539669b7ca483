package bd.com.getit.realtime.core;

import bd.com.getit.realtime.domain.ConnectionInfo;
import bd.com.getit.realtime.domain.Principal;
import java.util.concurrent.CompletionStage;

/**
 * Told when a connection of this node starts and ends (presence tracks devices this way). Called on
 * any thread; must not block.
 */
public interface ConnectionListener {

  CompletionStage<Void> connected(Principal principal, ConnectionInfo connection);

  CompletionStage<Void> disconnected(Principal principal, ConnectionInfo connection);
}
