package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import java.util.Collection;

/**
 * Delivers events to sockets on this node: the gateway implements it. Called from any thread; it
 * never blocks: each event is encoded once and its bytes queued to every target's bounded send
 * queue. Order is kept per target. Unknown or closed targets are skipped.
 */
public interface LocalDelivery {

  /**
   * Queues {@code outbound} to each target; returns how many targets accepted it (a target whose
   * queue is full may shed a {@code low} event or be disconnected).
   */
  int deliver(Collection<ConnectionId> targets, Outbound outbound);

  /** Closes one connection of this node with a reason; unknown ids are ignored. */
  void disconnect(ConnectionId connection, String reason);

  /**
   * Adapts delivery to one connection's link (PROTOCOL section 6): slow links get batched,
   * compressed delivery with {@code low} events shed first. Unknown ids are ignored.
   */
  void adapt(ConnectionId connection, ConnectionQuality quality);
}
