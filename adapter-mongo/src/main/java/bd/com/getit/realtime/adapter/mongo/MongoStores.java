package bd.com.getit.realtime.adapter.mongo;

import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.ConnectionLog;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.port.out.NotificationRepository;
import bd.com.getit.realtime.port.out.PresenceArchive;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.ClusterDescriptionChangedEvent;
import com.mongodb.event.ClusterListener;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB adapters of the record ports (chat, notifications, event log, connection log,
 * presence archive), sharing one driver client (and its connection pool). {@link #open} connects in
 * the background and returns at once; {@link #createIndexes} should complete before traffic; {@link
 * #connected} answers from the driver's view of the cluster, without a round trip. Closing closes
 * the client; the repositories fail afterwards.
 */
public final class MongoStores implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MongoStores.class);

  private final MongoClient client;
  private final MongoDatabase database;
  private final AtomicBoolean writable = new AtomicBoolean();
  private final MongoChatRepository chat;
  private final MongoNotificationRepository notifications;
  private final MongoEventLog eventLog;
  private final MongoConnectionLog connectionLog;
  private final MongoPresenceArchive presenceArchive;

  private MongoStores(MongoOptions options) {
    ConnectionString uri = new ConnectionString(options.uri());
    MongoClientSettings settings =
        MongoClientSettings.builder()
            .applyConnectionString(uri)
            .applyToClusterSettings(c -> c.addClusterListener(new Watch()))
            .build();
    client = MongoClients.create(settings);
    database = client.getDatabase(options.database());
    chat =
        new MongoChatRepository(
            database.getCollection(MongoChatRepository.ROOMS),
            database.getCollection(MongoChatRepository.MESSAGES),
            database.getCollection(MongoChatRepository.CLIENT_MESSAGES));
    notifications =
        new MongoNotificationRepository(
            database.getCollection(MongoNotificationRepository.NOTIFICATIONS));
    eventLog =
        new MongoEventLog(database.getCollection(MongoEventLog.EVENTS), options.eventRetention());
    connectionLog =
        new MongoConnectionLog(
            database.getCollection(MongoConnectionLog.CONNECTIONS), options.connectionRetention());
    presenceArchive =
        new MongoPresenceArchive(database.getCollection(MongoPresenceArchive.PRESENCE));
  }

  /**
   * A client for {@code options}; connecting happens in the background.
   *
   * @throws IllegalArgumentException when the connection string is malformed
   */
  public static MongoStores open(MongoOptions options) {
    Objects.requireNonNull(options, "options");
    return new MongoStores(options);
  }

  /** Creates the indexes the queries need (docs/mongodb.md); existing ones are kept. */
  public CompletionStage<Void> createIndexes() {
    return Schema.createIndexes(database);
  }

  public ChatRepository chatRepository() {
    return chat;
  }

  public NotificationRepository notificationRepository() {
    return notifications;
  }

  public EventLog eventLog() {
    return eventLog;
  }

  public ConnectionLog connectionLog() {
    return connectionLog;
  }

  public PresenceArchive presenceArchive() {
    return presenceArchive;
  }

  /** Whether the driver currently sees a server it can write to; never blocks. */
  public boolean connected() {
    return writable.get();
  }

  @Override
  public void close() {
    client.close();
  }

  /** Keeps {@link #writable} up to date from the driver's monitoring threads. */
  private final class Watch implements ClusterListener {
    @Override
    public void clusterDescriptionChanged(ClusterDescriptionChangedEvent event) {
      boolean now = event.getNewDescription().hasWritableServer();
      if (writable.getAndSet(now) != now) {
        LOG.info("MongoDB {}", now ? "reachable and writable" : "not writable");
      }
    }
  }
}
