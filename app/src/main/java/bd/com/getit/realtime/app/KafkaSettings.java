package bd.com.getit.realtime.app;

import java.util.Optional;

/**
 * The platform's event topics: {@code REALTIME_KAFKA_BOOTSTRAP_SERVERS}. Absent: no consumer runs.
 */
public record KafkaSettings(String bootstrapServers) {

  static Optional<KafkaSettings> from(Env env) {
    return env.text("REALTIME_KAFKA_BOOTSTRAP_SERVERS").map(KafkaSettings::new);
  }
}
