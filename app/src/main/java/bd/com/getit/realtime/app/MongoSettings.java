package bd.com.getit.realtime.app;

import java.util.Optional;

/**
 * Where durable records live: {@code REALTIME_MONGO_URI} and {@code REALTIME_MONGO_DATABASE}
 * (default {@code realtime}). Absent: history in memory.
 */
public record MongoSettings(String uri, String database) {

  static Optional<MongoSettings> from(Env env) {
    return env.text("REALTIME_MONGO_URI")
        .map(uri -> new MongoSettings(uri, env.text("REALTIME_MONGO_DATABASE", "realtime")));
  }
}
