package bd.com.getit.realtime.app;

import java.net.URI;
import java.util.Optional;

/**
 * Where the cluster state lives when several nodes share it: {@code REALTIME_REDIS_URL} ({@code
 * redis://} or {@code rediss://}, password in the URL). Absent: the memory adapters.
 */
public record RedisSettings(URI url) {

  static Optional<RedisSettings> from(Env env) {
    return env.uri("REALTIME_REDIS_URL").map(RedisSettings::new);
  }
}
