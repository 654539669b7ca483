package bd.com.getit.realtime.app;

import java.time.Duration;
import java.util.Optional;

/**
 * Where durable records live: {@code REALTIME_MONGO_URI}, {@code REALTIME_MONGO_DATABASE} (default
 * {@code realtime}) and {@code REALTIME_MONGO_EVENT_RETENTION_DAYS} (default 30: how long event
 * records and their delivery totals are kept), {@code REALTIME_MONGO_CONNECTION_RETENTION_DAYS}
 * (default 30: how long a connection record is kept after its last activity). Absent: history in
 * memory.
 */
public record MongoSettings(
    String uri, String database, Duration eventRetention, Duration connectionRetention) {

  static Optional<MongoSettings> from(Env env) {
    return env.text("REALTIME_MONGO_URI")
        .map(
            uri ->
                new MongoSettings(
                    uri,
                    env.text("REALTIME_MONGO_DATABASE", "realtime"),
                    Duration.ofDays(
                        env.integer("REALTIME_MONGO_EVENT_RETENTION_DAYS", 30, 1, 3650)),
                    Duration.ofDays(
                        env.integer("REALTIME_MONGO_CONNECTION_RETENTION_DAYS", 30, 1, 3650))));
  }
}
