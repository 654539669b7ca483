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
 * @param connectionRetention how long a connection record is kept after its last activity
 */
public record MongoOptions(
    String uri, String database, Duration eventRetention, Duration connectionRetention) {
  /** The event retention unless configured. */
  public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofDays(30);

  /** The connection record retention unless configured. */
  public static final Duration DEFAULT_CONNECTION_RETENTION = Duration.ofDays(30);

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
    Objects.requireNonNull(connectionRetention, "connectionRetention");
    if (connectionRetention.isNegative() || connectionRetention.isZero()) {
      throw new IllegalArgumentException(
          "the connection retention is positive: " + connectionRetention);
    }
  }

  /** These options with the event retention, and the default connection retention. */
  public MongoOptions(String uri, String database, Duration eventRetention) {
    this(uri, database, eventRetention, DEFAULT_CONNECTION_RETENTION);
  }

  public static MongoOptions of(String uri, String database) {
    return new MongoOptions(uri, database, DEFAULT_EVENT_RETENTION, DEFAULT_CONNECTION_RETENTION);
  }
}
