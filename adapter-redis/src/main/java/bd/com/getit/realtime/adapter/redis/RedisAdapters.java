package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.port.out.AnnouncementStore;
import bd.com.getit.realtime.port.out.AuctionStore;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ClusterBus;
import bd.com.getit.realtime.port.out.ClusterMembership;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.port.out.NodeDirectory;
import bd.com.getit.realtime.port.out.NotificationRepository;
import bd.com.getit.realtime.port.out.OfflineQueue;
import bd.com.getit.realtime.port.out.PresenceStore;
import bd.com.getit.realtime.port.out.RateLimitStore;
import bd.com.getit.realtime.port.out.RecoveryStore;
import bd.com.getit.realtime.port.out.SpamLedger;
import java.util.Objects;

/**
 * Builds the Redis adapter of every cluster-wide port on one pooled Jedis client and one bounded
 * thread pool. Creating it connects lazily (the bus reader reads the stream's newest id once and
 * keeps retrying if Redis is down). {@link #up()} answers readiness from the outcome of the last
 * call, without a round trip. {@link #close()} stops the bus reader, the pool and the client.
 */
public final class RedisAdapters implements AutoCloseable {
  /** How long the bus reader blocks in one XREAD: also how long it takes to notice close. */
  static final int BUS_BLOCK_MILLIS = 1_000;

  /** Announcements kept at once; far more than a shop shows at a time. */
  static final int ANNOUNCEMENTS_MAX = 100;

  private final Redis redis;
  private final RedisConnectionRegistry connectionRegistry;
  private final RedisPresenceStore presenceStore;
  private final RedisRateLimitStore rateLimitStore;
  private final RedisSpamLedger spamLedger;
  private final RedisOfflineQueue offlineQueue;
  private final RedisRecoveryStore recoveryStore;
  private final RedisAuctionStore auctionStore;
  private final RedisDeduplicationStore deduplicationStore;
  private final RedisChatRepository chatRepository;
  private final RedisNotificationRepository notificationRepository;
  private final RedisAnnouncementStore announcementStore;
  private final RedisEventLog eventLog;
  private final RedisClusterMembership membership;
  private final RedisNodeDirectory nodeDirectory;
  private final RedisClusterBus clusterBus;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private RedisAdapters(RedisOptions options, Clock clock) {
    this.redis = new Redis(options);
    this.connectionRegistry = new RedisConnectionRegistry(redis);
    this.presenceStore = new RedisPresenceStore(redis, options.lastSeenTtl());
    this.rateLimitStore = new RedisRateLimitStore(redis);
    this.spamLedger = new RedisSpamLedger(redis);
    this.offlineQueue =
        new RedisOfflineQueue(
            redis, clock, options.offlineQueueCapacity(), options.offlineQueueTtl());
    this.recoveryStore = new RedisRecoveryStore(redis, clock);
    this.deduplicationStore = new RedisDeduplicationStore(redis, clock);
    this.auctionStore = new RedisAuctionStore(redis);
    this.chatRepository =
        new RedisChatRepository(redis, clock, options.chatHistoryMax(), options.chatTtl());
    this.notificationRepository =
        new RedisNotificationRepository(
            redis, clock, options.notificationsMax(), options.notificationsTtl());
    this.announcementStore = new RedisAnnouncementStore(redis, ANNOUNCEMENTS_MAX);
    this.eventLog = new RedisEventLog(redis, clock, options.eventRetention());
    this.membership = new RedisClusterMembership(redis, clock);
    this.nodeDirectory = new RedisNodeDirectory(redis, clock);
    this.clusterBus = new RedisClusterBus(redis, options.streamMaxLen(), BUS_BLOCK_MILLIS);
  }

  public static RedisAdapters create(RedisOptions options, Clock clock) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(clock, "clock");
    return new RedisAdapters(options, clock);
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

  public SpamLedger spamLedger() {
    return spamLedger;
  }

  public OfflineQueue offlineQueue() {
    return offlineQueue;
  }

  public RecoveryStore recoveryStore() {
    return recoveryStore;
  }

  public DeduplicationStore deduplicationStore() {
    return deduplicationStore;
  }

  public AuctionStore auctionStore() {
    return auctionStore;
  }

  /** Chat rooms and a bounded recent history, for a cluster without MongoDB. */
  public ChatRepository chatRepository() {
    return chatRepository;
  }

  /** Users' notifications, bounded, for a cluster without MongoDB. */
  public NotificationRepository notificationRepository() {
    return notificationRepository;
  }

  /** Persisted events and their delivery totals over every node, for a cluster without MongoDB. */
  /** Announcements kept until their {@code show_until}, shared by every node. */
  public AnnouncementStore announcementStore() {
    return announcementStore;
  }

  public EventLog eventLog() {
    return eventLog;
  }

  public ClusterMembership membership() {
    return membership;
  }

  /** Where the nodes reach each other (to forward a request to a session's node). */
  public NodeDirectory nodeDirectory() {
    return nodeDirectory;
  }

  public ClusterBus clusterBus() {
    return clusterBus;
  }

  /** Publications kept for the other nodes while Redis is unreachable (bounded). */
  public int busOutbox() {
    return clusterBus.buffered();
  }

  /**
   * How far this node's bus reader is behind the stream, in milliseconds: the age of the last
   * record read when it was read; zero when caught up.
   */
  public long busLagMillis() {
    return clusterBus.lagMillis();
  }

  /** Publications that reached only this node because the outbox was full. */
  public long busDropped() {
    return clusterBus.dropped();
  }

  /** Whether the last Redis call (of any store or the bus reader) reached Redis. */
  public boolean up() {
    return redis.up();
  }

  /** Closes everything; closing again is harmless. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    clusterBus.close();
    redis.close();
  }
}
