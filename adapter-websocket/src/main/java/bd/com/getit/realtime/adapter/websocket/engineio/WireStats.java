package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the transports put on the wire, per transport and link class: payload bytes before and after
 * compression, frames (packets), compressed frames and writes. Counted by the writers with striped
 * adders (no shared lock on the write path); read by the metrics registry. Thread-safe.
 */
public final class WireStats {

  /** One counter kept per transport and link class. */
  public enum Counter {
    /** Payload bytes as encoded, before any compression. */
    BYTES_RAW,
    /** Payload bytes as written, after compression where it applied (frame headers excluded). */
    BYTES_WIRE,
    /** Packets written (websocket frames; packets of a polling response). */
    FRAMES,
    /** Frames sent compressed (websocket) or responses sent compressed (polling). */
    COMPRESSED,
    /** Writes to the connection (one websocket batch; one polling response). */
    WRITES
  }

  private static final String[] TRANSPORTS = {EngineOptions.POLLING, EngineOptions.WEBSOCKET};

  // values() copies its array on every call, and index() runs per counter per write
  private static final int LINKS = LinkClass.values().length;
  private static final int COUNTERS = Counter.values().length;

  private final LongAdder[] adders = new LongAdder[TRANSPORTS.length * LINKS * COUNTERS];

  public WireStats() {
    for (int i = 0; i < adders.length; i++) {
      adders[i] = new LongAdder();
    }
  }

  /** The transports counted: {@code polling} and {@code websocket}. */
  public static String[] transports() {
    return TRANSPORTS.clone();
  }

  /** The current value of one counter. */
  public long get(String transport, LinkClass link, Counter counter) {
    return adders[index(transport, link, counter)].sum();
  }

  /** One write of {@code frames} packets: {@code raw} payload bytes became {@code wire}. */
  void recordWrite(
      String transport, LinkClass link, int frames, int compressed, long raw, long wire) {
    add(transport, link, Counter.WRITES, 1);
    add(transport, link, Counter.FRAMES, frames);
    add(transport, link, Counter.COMPRESSED, compressed);
    add(transport, link, Counter.BYTES_RAW, raw);
    add(transport, link, Counter.BYTES_WIRE, wire);
  }

  private void add(String transport, LinkClass link, Counter counter, long value) {
    if (value != 0) {
      adders[index(transport, link, counter)].add(value);
    }
  }

  private static int index(String transport, LinkClass link, Counter counter) {
    int t = EngineOptions.WEBSOCKET.equals(transport) ? 1 : 0;
    return (t * LINKS + link.ordinal()) * COUNTERS + counter.ordinal();
  }
}
