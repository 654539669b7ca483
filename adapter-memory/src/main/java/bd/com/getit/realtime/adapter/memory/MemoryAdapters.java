package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.port.out.AuctionStore;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ClusterBus;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.port.out.NotificationRepository;
import bd.com.getit.realtime.port.out.OfflineQueue;
import bd.com.getit.realtime.port.out.PresenceStore;
import bd.com.getit.realtime.port.out.RateLimitStore;
import bd.com.getit.realtime.port.out.RecoveryStore;
import bd.com.getit.realtime.port.out.SpamLedger;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds one in-memory adapter for every driven port it covers, for a single-node server or a test.
 * Closing it closes the cluster bus (and so its dispatcher thread).
 */
public final class MemoryAdapters implements AutoCloseable {
  private final ConnectionRegistry connectionRegistry;
  private final PresenceStore presenceStore;
  private final RateLimitStore rateLimitStore;
  private final OfflineQueue offlineQueue;
  private final ChatRepository chatRepository;
  private final NotificationRepository notificationRepository;
  private final EventLog eventLog;
  private final DeduplicationStore deduplicationStore;
  private final RecoveryStore recoveryStore;
  private final InMemoryClusterBus clusterBus;
  private final SpamLedger spamLedger = new InMemorySpamLedger();
  private final AuctionStore auctionStore =
      new InMemoryAuctionStore(InMemoryAuctionStore.DEFAULT_CAPACITY);

  private MemoryAdapters(Clock clock, Sizes sizes) {
    this.connectionRegistry = new InMemoryConnectionRegistry();
    this.presenceStore = new InMemoryPresenceStore(sizes.lastSeenEntries());
    this.rateLimitStore = new InMemoryRateLimitStore();
    this.offlineQueue = new InMemoryOfflineQueue(clock, sizes.offlineQueueCapacity());
    this.chatRepository = new InMemoryChatRepository(sizes.messagesPerRoom());
    this.notificationRepository = new InMemoryNotificationRepository(sizes.notificationsPerUser());
    this.eventLog = new InMemoryEventLog(sizes.eventLogEntries());
    this.deduplicationStore = new InMemoryDeduplicationStore(clock);
    this.recoveryStore = new InMemoryRecoveryStore(clock);
    this.clusterBus =
        new InMemoryClusterBus(clock, sizes.busRetainedRecords(), sizes.busRetention());
  }

  /** All adapters with the default {@link Sizes}. */
  public static MemoryAdapters create(Clock clock) {
    return create(clock, Sizes.DEFAULTS);
  }

  public static MemoryAdapters create(Clock clock, Sizes sizes) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sizes, "sizes");
    return new MemoryAdapters(clock, sizes);
  }

  /**
   * The memory bounds of the adapters.
   *
   * @param offlineQueueCapacity events kept per offline user
   * @param busRetainedRecords records the cluster bus keeps for recovery
   * @param busRetention age past which the cluster bus drops records
   * @param messagesPerRoom chat messages kept per room
   * @param notificationsPerUser notifications kept per user
   * @param eventLogEntries events kept in the event log
   * @param lastSeenEntries last-seen times kept by the presence store
   */
  public record Sizes(
      int offlineQueueCapacity,
      int busRetainedRecords,
      Duration busRetention,
      int messagesPerRoom,
      int notificationsPerUser,
      int eventLogEntries,
      int lastSeenEntries) {

    public static final Sizes DEFAULTS =
        new Sizes(
            InMemoryOfflineQueue.DEFAULT_CAPACITY,
            InMemoryClusterBus.DEFAULT_RETAINED_RECORDS,
            InMemoryClusterBus.DEFAULT_RETENTION,
            InMemoryChatRepository.DEFAULT_MAX_MESSAGES_PER_ROOM,
            InMemoryNotificationRepository.DEFAULT_MAX_PER_USER,
            InMemoryEventLog.DEFAULT_MAX_EVENTS,
            InMemoryPresenceStore.DEFAULT_MAX_LAST_SEEN);

    public Sizes {
      Objects.requireNonNull(busRetention, "busRetention");
      if (offlineQueueCapacity < 1
          || busRetainedRecords < 1
          || messagesPerRoom < 1
          || notificationsPerUser < 1
          || eventLogEntries < 1
          || lastSeenEntries < 1) {
        throw new IllegalArgumentException("every size is at least 1: " + this);
      }
      if (busRetention.isNegative() || busRetention.isZero()) {
        throw new IllegalArgumentException("busRetention > 0");
      }
    }

    /** These sizes with another offline queue capacity. */
    public Sizes withOfflineQueueCapacity(int capacity) {
      return new Sizes(
          capacity,
          busRetainedRecords,
          busRetention,
          messagesPerRoom,
          notificationsPerUser,
          eventLogEntries,
          lastSeenEntries);
    }

    /** These sizes with another cluster bus retention. */
    public Sizes withBusRetention(int records, Duration age) {
      return new Sizes(
          offlineQueueCapacity,
          records,
          age,
          messagesPerRoom,
          notificationsPerUser,
          eventLogEntries,
          lastSeenEntries);
    }
  }

  public ConnectionRegistry connectionRegistry() {
    return connectionRegistry;
  }

  public PresenceStore presenceStore() {
    return presenceStore;
  }

  public RateLimitStore rateLimitStore() {
    return rateLimitStore;
  }

  public OfflineQueue offlineQueue() {
    return offlineQueue;
  }

  public ChatRepository chatRepository() {
    return chatRepository;
  }

  public NotificationRepository notificationRepository() {
    return notificationRepository;
  }

  public EventLog eventLog() {
    return eventLog;
  }

  public DeduplicationStore deduplicationStore() {
    return deduplicationStore;
  }

  public RecoveryStore recoveryStore() {
    return recoveryStore;
  }

  public SpamLedger spamLedger() {
    return spamLedger;
  }

  public AuctionStore auctionStore() {
    return auctionStore;
  }

  /** The bus every node of this process shares. */
  public ClusterBus clusterBus() {
    return clusterBus;
  }

  /** Closes the cluster bus; closing again is harmless. */
  @Override
  public void close() {
    clusterBus.close();
  }
}
