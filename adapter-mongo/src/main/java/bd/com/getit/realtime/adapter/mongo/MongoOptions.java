package bd.com.getit.realtime.adapter.mongo;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach MongoDB and how long to keep records.
 *
 * @param uri a {@code mongodb://} or {@code mongodb+srv://} connection string; its options
 *     (timeouts, pool size, TLS, credentials) are the driver's
 * @param database the database holding the collections
 * @param eventRetention how long an event record is kept at least (its own TTL when longer)
 */
public record MongoOptions(String uri, String database, Duration eventRetention) {
  /** The event retention unless configured. */
  public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofDays(30);

  public MongoOptions {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(eventRetention, "eventRetention");
    if (database.isBlank()) {
      throw new IllegalArgumentException("the database name is not blank");
    }
    if (eventRetention.isNegative() || eventRetention.isZero()) {
      throw new IllegalArgumentException("the event retention is positive: " + eventRetention);
    }
  }

  public static MongoOptions of(String uri, String database) {
    return new MongoOptions(uri, database, DEFAULT_EVENT_RETENTION);
  }
}
