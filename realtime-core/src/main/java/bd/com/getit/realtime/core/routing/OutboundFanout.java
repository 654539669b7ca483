package bd.com.getit.realtime.core.routing;

import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.port.out.OutboundEvents;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The services' fanout when outbound events are configured: routes as before, then hands each
 * routed event of an outbound kind to {@link OutboundEvents}. Thread-safe.
 */
public final class OutboundFanout implements Fanout {
  private static final System.Logger LOG = System.getLogger(OutboundFanout.class.getName());

  private final Fanout routing;
  private final OutboundEvents outbound;

  private OutboundFanout(Fanout routing, OutboundEvents outbound) {
    this.routing = Objects.requireNonNull(routing, "routing");
    this.outbound = Objects.requireNonNull(outbound, "outbound");
  }

  /** {@code routing} itself when nothing is published outbound. */
  public static Fanout of(Fanout routing, OutboundEvents outbound) {
    return outbound == OutboundEvents.NONE ? routing : new OutboundFanout(routing, outbound);
  }

  @Override
  public CompletionStage<StreamOffset> publish(Event event, Optional<ConnectionId> except) {
    return routing
        .publish(event, except)
        .whenComplete(
            (offset, failure) -> {
              if (failure == null && isOutbound(event)) {
                hand(event);
              }
            });
  }

  /**
   * A presence change is routed once per chat room and once to {@code admin:presence}: only that
   * last copy, the unfiltered one, goes out, so other services see each change once.
   */
  static boolean isOutbound(Event event) {
    return switch (event.kind()) {
      case MESSAGE, NOTIFICATION, NOTIFICATION_STATUS -> true;
      case PRESENCE_UPDATE -> event.channel().equals(ChannelName.ADMIN_PRESENCE);
      default -> false;
    };
  }

  private void hand(Event event) {
    try {
      outbound.publish(event);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "outbound event " + event.id() + " not handed over", e);
    }
  }
}
