package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.websocket.engineio.LinkClass;
import bd.com.getit.realtime.adapter.websocket.engineio.WireStats;
import bd.com.getit.realtime.adapter.websocket.gateway.ShapingStats;
import bd.com.getit.realtime.domain.Priority;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The metrics of delivery on slow links (docs/mobile.md), read at scrape time from the counters the
 * transports and the shaping keep: per transport and link class, bytes before and after
 * compression, frames, compressed frames and writes; per link class and priority, events coalesced,
 * shed, batched and overtaking.
 */
final class MobileMetrics {

  private MobileMetrics() {}

  static void bind(MeterRegistry registry, WireStats wire, ShapingStats shaping) {
    for (String transport : WireStats.transports()) {
      for (LinkClass link : LinkClass.values()) {
        wire(
            registry,
            wire,
            transport,
            link,
            WireStats.Counter.BYTES_RAW,
            "realtime.wire.bytes.uncompressed",
            "Bytes the transport would have written without compression");
        wire(
            registry,
            wire,
            transport,
            link,
            WireStats.Counter.BYTES_WIRE,
            "realtime.wire.bytes",
            "Bytes written, after compression");
        wire(
            registry,
            wire,
            transport,
            link,
            WireStats.Counter.FRAMES,
            "realtime.wire.frames",
            "Packets written (websocket frames, packets of polling responses)");
        wire(
            registry,
            wire,
            transport,
            link,
            WireStats.Counter.COMPRESSED,
            "realtime.wire.frames.compressed",
            "Websocket frames sent compressed, polling responses sent compressed");
        wire(
            registry,
            wire,
            transport,
            link,
            WireStats.Counter.WRITES,
            "realtime.wire.writes",
            "Writes to connections (a websocket batch, a polling response)");
      }
    }
    for (LinkClass link : LinkClass.values()) {
      for (Priority priority : Priority.values()) {
        for (ShapingStats.Outcome outcome : ShapingStats.Outcome.values()) {
          FunctionCounter.builder(
                  "realtime.slow.link.events", shaping, s -> s.get(link, priority, outcome))
              .description("Events of sockets in slow-link mode, by what shaping did to them")
              .tag("link", link.label())
              .tag("priority", priority.wireName())
              .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
              .register(registry);
        }
      }
    }
  }

  private static void wire(
      MeterRegistry registry,
      WireStats wire,
      String transport,
      LinkClass link,
      WireStats.Counter counter,
      String name,
      String description) {
    FunctionCounter.builder(name, wire, w -> w.get(transport, link, counter))
        .description(description)
        .tag("transport", transport)
        .tag("link", link.label())
        .register(registry);
  }
}
