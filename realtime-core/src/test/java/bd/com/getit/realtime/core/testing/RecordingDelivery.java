package bd.com.getit.realtime.core.testing;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import bd.com.getit.realtime.port.out.LocalDelivery;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every delivery; targets marked closed do not accept. */
public final class RecordingDelivery implements LocalDelivery {

  /** One call of {@link #deliver}. */
  public record Delivery(Set<ConnectionId> targets, Outbound outbound) {}

  public final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  public final List<ConnectionId> disconnected = new CopyOnWriteArrayList<>();
  public final Set<ConnectionId> closed = ConcurrentHashMap.newKeySet();

  @Override
  public int deliver(Collection<ConnectionId> targets, Outbound outbound) {
    deliveries.add(new Delivery(Set.copyOf(targets), outbound));
    return (int) targets.stream().filter(t -> !closed.contains(t)).count();
  }

  @Override
  public void disconnect(ConnectionId connection, String reason) {
    disconnected.add(connection);
  }

  @Override
  public void adapt(ConnectionId connection, ConnectionQuality quality) {}

  /** The event names delivered to {@code target}, in order. */
  public List<String> eventsTo(ConnectionId target) {
    return deliveries.stream()
        .filter(d -> d.targets().contains(target))
        .map(d -> d.outbound().event())
        .toList();
  }

  /** The outbounds delivered to {@code target}, in order. */
  public List<Outbound> to(ConnectionId target) {
    return deliveries.stream()
        .filter(d -> d.targets().contains(target))
        .map(Delivery::outbound)
        .toList();
  }
}
