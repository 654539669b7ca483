package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.websocket.engineio.Compression;
import bd.com.getit.realtime.domain.connection.LinkShaping;
import java.util.Objects;

/**
 * Delivery on slow mobile links (PROTOCOL section 10.4, docs/mobile.md).
 *
 * @param compression {@code REALTIME_COMPRESSION} (on) and {@code REALTIME_COMPRESSION_THRESHOLD}
 *     (1024 bytes): permessage-deflate and compressed polling responses from that size
 * @param shaping {@code REALTIME_SLOW_WINDOW_2G_MS} (300) and {@code REALTIME_SLOW_WINDOW_3G_MS}
 *     (100): the batching windows of slow-link mode; the rest of the policy keeps its defaults
 */
public record MobileSettings(Compression compression, LinkShaping shaping) {

  public MobileSettings {
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(shaping, "shaping");
  }

  static MobileSettings from(Env env) {
    Compression compression =
        new Compression(
            env.bool("REALTIME_COMPRESSION", true),
            env.integer("REALTIME_COMPRESSION_THRESHOLD", 1024, 0, 100_000_000));
    LinkShaping defaults = LinkShaping.DEFAULT;
    LinkShaping shaping =
        new LinkShaping(
            env.millis("REALTIME_SLOW_WINDOW_2G_MS", defaults.window2g(), 1, 10_000),
            env.millis("REALTIME_SLOW_WINDOW_3G_MS", defaults.window3g(), 1, 10_000),
            defaults.backedUpWindow(),
            defaults.bytesPerSecond2g(),
            defaults.bytesPerSecond3g(),
            defaults.heldSeconds());
    return new MobileSettings(compression, shaping);
  }
}
