package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.websocket.engineio.DrainPace;
import java.time.Duration;

/**
 * How a node stops on SIGTERM: for how long it lets send queues drain, and at what pace it closes
 * its sockets meanwhile (see {@link DrainPace}).
 *
 * @param grace the longest the drain takes before the rest is cut off
 * @param pace sockets closed per batch and the pause between batches
 */
record DrainSettings(Duration grace, DrainPace pace) {
  static DrainSettings from(Env env) {
    return new DrainSettings(
        Duration.ofSeconds(env.integer("REALTIME_SHUTDOWN_GRACE_SECONDS", 10, 0, 600)),
        new DrainPace(
            env.integer("REALTIME_DRAIN_BATCH_SIZE", 500, 1, 1_000_000),
            env.millis("REALTIME_DRAIN_BATCH_INTERVAL_MS", Duration.ofMillis(100), 0, 10_000)));
  }
}
