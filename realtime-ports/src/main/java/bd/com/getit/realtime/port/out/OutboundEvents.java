package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.Event;

/**
 * Events this node originates that other services may want: chat {@code message}s, {@code
 * presence_update}s, {@code notification}s and their {@code notification_status} changes. Optional;
 * {@link #NONE} is the default.
 *
 * <p>Called once per event cluster-wide (by the node where it happened), after the core has routed
 * it, on whichever thread completed the routing, possibly a network or store thread: an
 * implementation must return at once and never throw; it may drop events when its own bounded
 * buffer is full (best effort, at most once). Thread-safe.
 */
@FunctionalInterface
public interface OutboundEvents {

  /** Hands over {@code event}; its {@link Event#envelope()} is what other services read. */
  void publish(Event event);

  /** Publishes nothing: the default when no outbound transport is configured. */
  OutboundEvents NONE = event -> {};
}
