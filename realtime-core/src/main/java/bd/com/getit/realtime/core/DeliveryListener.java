package bd.com.getit.realtime.core;

import bd.com.getit.realtime.domain.Event;

/**
 * Told of each event this node handed to at least one live socket: live from the fanout, replayed
 * on recovery, or drained from the offline queue on reconnect. Called on the delivering thread
 * (possibly the bus's): it must return at once and never throw.
 */
@FunctionalInterface
public interface DeliveryListener {

  DeliveryListener NONE = event -> {};

  void handed(Event event);
}
