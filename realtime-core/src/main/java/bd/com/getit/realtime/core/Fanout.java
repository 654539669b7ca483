package bd.com.getit.realtime.core;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.StreamOffset;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Routes one event to everyone who should get it, on every node: publishes it on the cluster bus,
 * delivers it to this node's subscribers of its channel (and of its recipients' user channels), and
 * queues it for recipients with no live connection when it is an at-least-once event (PROTOCOL
 * section 6). Never blocks.
 */
public interface Fanout {

  /**
   * @param except a local socket that must not receive the event (the sender of a chat message)
   * @return the event's bus offset, once published
   */
  CompletionStage<StreamOffset> publish(Event event, Optional<ConnectionId> except);
}
