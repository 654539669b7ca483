package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.adapter.websocket.engineio.LinkClass;
import bd.com.getit.realtime.domain.Priority;
import java.util.concurrent.atomic.LongAdder;

/**
 * What slow-link shaping did to events, per link class and priority: {@code low} events coalesced
 * (an older one replaced by a newer with the same name and channel) or shed (dropped to keep a
 * socket's held events within what its link sends in a few seconds), and events that overtook lower
 * ones. Thread-safe; read by the metrics registry.
 */
public final class ShapingStats {

  /** One counter kept per link class and priority. */
  public enum Outcome {
    /** Replaced, while held, by a newer event of the same name and channel. */
    COALESCED,
    /** Dropped from a slow socket's held events, oldest first. */
    SHED,
    /** Sent at once past held events of lower priority. */
    OVERTOOK,
    /** Held for a window, then written with the others of that window. */
    BATCHED
  }

  private final LongAdder[] adders =
      new LongAdder[LinkClass.values().length * Priority.values().length * Outcome.values().length];

  public ShapingStats() {
    for (int i = 0; i < adders.length; i++) {
      adders[i] = new LongAdder();
    }
  }

  public long get(LinkClass link, Priority priority, Outcome outcome) {
    return adders[index(link, priority, outcome)].sum();
  }

  /** The total of one outcome over every link class and priority. */
  public long total(Outcome outcome) {
    long sum = 0;
    for (LinkClass link : LinkClass.values()) {
      for (Priority priority : Priority.values()) {
        sum += get(link, priority, outcome);
      }
    }
    return sum;
  }

  void add(LinkClass link, Priority priority, Outcome outcome) {
    adders[index(link, priority, outcome)].increment();
  }

  private static int index(LinkClass link, Priority priority, Outcome outcome) {
    return (link.ordinal() * Priority.values().length + priority.ordinal())
            * Outcome.values().length
        + outcome.ordinal();
  }
}
