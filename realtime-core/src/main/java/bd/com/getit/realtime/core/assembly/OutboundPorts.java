package bd.com.getit.realtime.core.assembly;

import bd.com.getit.realtime.port.out.LocalDelivery;
import bd.com.getit.realtime.port.out.OutboundEvents;
import java.util.Objects;

/**
 * Where the core's events leave it: {@code local} to this node's sockets (the gateway's delivery,
 * or an embedder's own transport), and optionally {@code events} to other systems (Kafka).
 */
public record OutboundPorts(LocalDelivery local, OutboundEvents events) {
  public OutboundPorts {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(events, "events");
  }

  /** Delivery to this node's sockets only; nothing handed outbound. */
  public static OutboundPorts local(LocalDelivery local) {
    return new OutboundPorts(local, OutboundEvents.NONE);
  }
}
