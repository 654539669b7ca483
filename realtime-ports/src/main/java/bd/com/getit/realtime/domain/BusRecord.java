package bd.com.getit.realtime.domain;

import java.util.Objects;

/** One event on the cluster bus, with its offset and the node that published it. */
public record BusRecord(StreamOffset offset, NodeId origin, Event event) {
  public BusRecord {
    Objects.requireNonNull(offset, "offset");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(event, "event");
  }
}
