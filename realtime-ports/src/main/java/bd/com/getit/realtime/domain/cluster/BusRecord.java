package bd.com.getit.realtime.domain.cluster;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.StreamOffset;
import java.util.Objects;
import java.util.Optional;

/** One message on the cluster bus, with its offset and the node that published it. */
public record BusRecord(StreamOffset offset, NodeId origin, ClusterMessage message) {
  public BusRecord {
    Objects.requireNonNull(offset, "offset");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(message, "message");
  }

  /** The event this record carries, empty when it carries a command. */
  public Optional<Event> event() {
    return message instanceof ClusterMessage.PublishedEvent published
        ? Optional.of(published.event())
        : Optional.empty();
  }
}
