package bd.com.getit.realtime.core.assembly;

import bd.com.getit.realtime.core.ConnectionListener;
import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.Subscriptions;
import bd.com.getit.realtime.core.access.ChannelAccessPolicy;
import bd.com.getit.realtime.core.admin.AdminService;
import bd.com.getit.realtime.core.admin.DeliveryMeter;
import bd.com.getit.realtime.core.auction.AuctionService;
import bd.com.getit.realtime.core.chat.ChatRules;
import bd.com.getit.realtime.core.chat.ChatService;
import bd.com.getit.realtime.core.chat.MessagingService;
import bd.com.getit.realtime.core.cluster.MembershipService;
import bd.com.getit.realtime.core.cluster.SilentNodes;
import bd.com.getit.realtime.core.connection.ChannelService;
import bd.com.getit.realtime.core.connection.ConnectionRecorder;
import bd.com.getit.realtime.core.connection.ConnectionService;
import bd.com.getit.realtime.core.connection.SessionOwners;
import bd.com.getit.realtime.core.ingest.EventIngestService;
import bd.com.getit.realtime.core.limits.ConnectionLimits;
import bd.com.getit.realtime.core.limits.RateLimitPolicy;
import bd.com.getit.realtime.core.notification.NotificationService;
import bd.com.getit.realtime.core.presence.PresenceService;
import bd.com.getit.realtime.core.routing.EventRouter;
import bd.com.getit.realtime.core.routing.OutboundFanout;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.core.text.MessageSanitizer;
import bd.com.getit.realtime.core.text.SpamDetector;
import bd.com.getit.realtime.core.text.SpamRules;
import bd.com.getit.realtime.domain.NodeStatus;
import bd.com.getit.realtime.port.in.AdminUseCase;
import bd.com.getit.realtime.port.in.AuctionUseCase;
import bd.com.getit.realtime.port.in.ChannelUseCase;
import bd.com.getit.realtime.port.in.ChatUseCase;
import bd.com.getit.realtime.port.in.ConnectionUseCase;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import bd.com.getit.realtime.port.in.MessagingUseCase;
import bd.com.getit.realtime.port.in.NotificationUseCase;
import bd.com.getit.realtime.port.in.PresenceUseCase;
import bd.com.getit.realtime.port.out.AuctionStore;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ClusterBus;
import bd.com.getit.realtime.port.out.ClusterMembership;
import bd.com.getit.realtime.port.out.ConnectionLog;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.port.out.IdGenerator;
import bd.com.getit.realtime.port.out.LocalDelivery;
import bd.com.getit.realtime.port.out.NotificationRepository;
import bd.com.getit.realtime.port.out.OfflineQueue;
import bd.com.getit.realtime.port.out.OutboundEvents;
import bd.com.getit.realtime.port.out.PresenceArchive;
import bd.com.getit.realtime.port.out.PresenceStore;
import bd.com.getit.realtime.port.out.RateLimitStore;
import bd.com.getit.realtime.port.out.RecoveryStore;
import bd.com.getit.realtime.port.out.TokenVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The core assembled in plain Java from one adapter per driven port: builds the services and
 * exposes the use cases. {@link #start()} opens the cluster bus subscription, {@link #close()}
 * closes it. Services of other packages (presence, chat, messaging, notifications) plug in through
 * factories on the builder, which receive the shared {@link Parts}; a factory's result that is a
 * {@link ConnectionListener} is told of connections too.
 */
public final class RealtimeCore implements AutoCloseable {
  /** How long a node may miss heartbeats before others clean up after it, unless configured. */
  public static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofSeconds(30);

  /** What a service plugged in through the builder may use. */
  public record Parts(
      CoreConfig config,
      CorePorts ports,
      Fanout fanout,
      RateLimiter rateLimiter,
      Subscriptions subscriptions,
      ChannelAccessPolicy access) {
    public Parts {
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(ports, "ports");
      Objects.requireNonNull(fanout, "fanout");
      Objects.requireNonNull(rateLimiter, "rateLimiter");
      Objects.requireNonNull(subscriptions, "subscriptions");
      Objects.requireNonNull(access, "access");
    }
  }

  private final CoreConfig config;
  private final LocalSessions sessions;
  private final DeliveryMeter meter;
  private final EventRouter router;
  private final Fanout fanout;
  private final RateLimitPolicy rateLimiter;
  private final ConnectionService connections;
  private final ChannelService channels;
  private final EventIngestService ingest;
  private final AdminService admin;
  private final Optional<PresenceUseCase> presence;
  private final Optional<ChatUseCase> chat;
  private final Optional<NotificationUseCase> notifications;
  private final Optional<MessagingUseCase> messaging;
  private final Optional<AuctionUseCase> auctions;
  private final Optional<MembershipService> membership;

  private RealtimeCore(Builder b) {
    this.config = Objects.requireNonNull(b.config, "config");
    CorePorts ports =
        new CorePorts(
            b.clusterBus,
            b.connectionRegistry,
            b.presenceStore,
            b.rateLimitStore,
            b.offlineQueue,
            b.recoveryStore,
            b.deduplicationStore,
            b.eventLog,
            b.chatRepository,
            b.notificationRepository,
            b.localDelivery,
            b.tokenVerifier,
            b.clock,
            b.idGenerator,
            b.connectionLog,
            b.presenceArchive);
    this.sessions = new LocalSessions();
    this.meter = new DeliveryMeter(ports.clock());
    this.router =
        new EventRouter(
            config.nodeId(),
            ports.clusterBus(),
            sessions,
            ports.localDelivery(),
            ports.connectionRegistry(),
            ports.offlineQueue(),
            ports.eventLog(),
            meter,
            config.offlineTtl());
    this.rateLimiter =
        new RateLimitPolicy(ports.rateLimitStore(), ports.clock(), config.rateLimits());
    ChannelAccessPolicy access =
        new ChannelAccessPolicy(ports.chatRepository(), ports.tokenVerifier());
    // With auctions, an auction_closed event closes bidding before anyone is told (any interface).
    this.fanout = router;
    Parts parts =
        new Parts(
            config,
            ports,
            OutboundFanout.of(fanout, b.outboundEvents),
            rateLimiter,
            sessions,
            access);

    // Slots for the services wired by the integrator (presence, chat, notifications, messaging).
    List<ConnectionListener> listeners = new ArrayList<>(b.listeners);
    ConnectionRecorder recorder =
        new ConnectionRecorder(ports.connectionLog(), sessions, ports.clock());
    if (ports.connectionLog() != ConnectionLog.NONE) {
      listeners.add(recorder);
    }
    this.presence = plug(orDefault(b.presence, RealtimeCore::defaultPresence), parts, listeners);
    this.chat = plug(orDefault(b.chat, RealtimeCore::defaultChat), parts, listeners);
    this.notifications =
        plug(orDefault(b.notifications, RealtimeCore::defaultNotifications), parts, listeners);
    this.messaging = plug(orDefault(b.messaging, RealtimeCore::defaultMessaging), parts, listeners);
    this.auctions =
        Optional.ofNullable(b.auctionStore)
            .map(
                store ->
                    new AuctionService(
                        store, fanout, rateLimiter, ports.idGenerator(), ports.clock()));

    ConnectionLimits limits =
        new ConnectionLimits(
            ports.connectionRegistry(),
            ports.rateLimitStore(),
            ports.clock(),
            config.maxConnectionsPerUser(),
            config.newConnectionsPerAddressPerMinute());
    this.connections =
        new ConnectionService(
            config.nodeId(),
            config.allowGuests(),
            config.recoveryWindow(),
            new ConnectionService.Ports(
                ports.tokenVerifier(),
                limits,
                ports.recoveryStore(),
                ports.connectionRegistry(),
                sessions,
                ports.localDelivery(),
                ports.clusterBus(),
                ports.offlineQueue(),
                ports.idGenerator(),
                ports.clock()),
            listeners,
            b.membership == null || b.heartbeatSilence == null
                ? SessionOwners.NONE
                : new SilentNodes(b.membership, ports.clock(), b.heartbeatSilence));
    this.channels =
        new ChannelService(
            sessions,
            access,
            rateLimiter,
            ports.connectionRegistry(),
            config.maxChannelsPerConnection(),
            connection ->
                connections
                    .channelsChanged(connection)
                    .thenCompose(v -> recorder.channelsChanged(connection)));
    this.ingest =
        new EventIngestService(
            fanout,
            ports.deduplicationStore(),
            ports.idGenerator(),
            ports.clock(),
            config.dedupWindow());
    // With a cluster, the admin figures cover every live node's last report.
    Supplier<CompletionStage<List<NodeStatus>>> liveNodes =
        b.membership == null
            ? () -> CompletableFuture.completedFuture(List.of(meter.status(config.nodeId())))
            : b.membership::statuses;
    this.admin =
        new AdminService(
            config.nodeId(),
            ports.connectionRegistry(),
            sessions,
            ports.localDelivery(),
            router,
            ports.clusterBus(),
            meter,
            ports.idGenerator(),
            ports.clock(),
            liveNodes);
    this.membership =
        Optional.ofNullable(b.membership)
            .map(
                m ->
                    new MembershipService(
                        config.nodeId(),
                        m,
                        ports.connectionRegistry(),
                        listeners,
                        b.nodeTimeout,
                        () -> meter.status(config.nodeId())));
  }

  private static <T> Function<Parts, ? extends T> orDefault(
      Function<Parts, ? extends T> given, Function<Parts, ? extends T> fallback) {
    return given != null ? given : fallback;
  }

  private static PresenceService defaultPresence(Parts p) {
    CorePorts ports = p.ports();
    return new PresenceService(
        ports.presenceStore(),
        ports.connectionRegistry(),
        ports.chatRepository(),
        p.fanout(),
        ports.clock(),
        ports.idGenerator(),
        p.rateLimiter(),
        p.config().presenceIdleAfter(),
        ports.localDelivery(),
        ports.presenceArchive(),
        ports.connectionLog());
  }

  private static ChatService defaultChat(Parts p) {
    CorePorts ports = p.ports();
    return new ChatService(
        ports.chatRepository(),
        p.fanout(),
        ports.clock(),
        ports.idGenerator(),
        p.rateLimiter(),
        ChatRules.DEFAULTS);
  }

  private static MessagingService defaultMessaging(Parts p) {
    CorePorts ports = p.ports();
    return new MessagingService(
        ports.chatRepository(),
        p.fanout(),
        p.subscriptions(),
        ports.clock(),
        ports.idGenerator(),
        p.rateLimiter(),
        new MessageSanitizer(),
        new SpamDetector(SpamRules.DEFAULTS, ports.clock()),
        ChatRules.DEFAULTS);
  }

  private static NotificationService defaultNotifications(Parts p) {
    CorePorts ports = p.ports();
    return new NotificationService(
        ports.notificationRepository(),
        p.fanout(),
        ports.clock(),
        ports.idGenerator(),
        p.rateLimiter(),
        new MessageSanitizer(),
        Duration.ofDays(7));
  }

  private static <T> Optional<T> plug(
      Function<Parts, ? extends T> factory, Parts parts, List<ConnectionListener> listeners) {
    if (factory == null) {
      return Optional.empty();
    }
    T service = Objects.requireNonNull(factory.apply(parts), "a factory returned null");
    if (service instanceof ConnectionListener listener) {
      listeners.add(listener);
    }
    return Optional.of(service);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts receiving other nodes' events. */
  public void start() {
    router.start();
  }

  /** Stops receiving other nodes' events; the adapters are the caller's to close. */
  @Override
  public void close() {
    router.close();
  }

  public CoreConfig config() {
    return config;
  }

  public ConnectionUseCase connections() {
    return connections;
  }

  public ChannelUseCase channels() {
    return channels;
  }

  public EventIngestUseCase ingest() {
    return ingest;
  }

  public AdminUseCase admin() {
    return admin;
  }

  public Fanout fanout() {
    return fanout;
  }

  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  public Subscriptions subscriptions() {
    return sessions;
  }

  /** Messages delivered by this node, for metrics. */
  public DeliveryMeter deliveryMeter() {
    return meter;
  }

  /**
   * Marks devices idle past {@link CoreConfig#presenceIdleAfter()} as away; the host calls it
   * periodically (the core owns no threads). A no-op when presence is not the core's own service.
   */
  public void sweepIdlePresence() {
    presence.ifPresent(
        p -> {
          if (p instanceof PresenceService service) {
            service.sweepIdle();
          }
        });
  }

  /**
   * Saves the recovery sessions of this node's live connections again, so that they survive a crash
   * of this node for the recovery window; the host calls it every third of {@link
   * CoreConfig#recoveryWindow()} (the core owns no threads). Completes with how many were saved.
   */
  public CompletionStage<Integer> refreshRecoverySessions() {
    return connections.refreshRecoverySessions();
  }

  /**
   * Renews this node's cluster heartbeat and cleans up after nodes that died without leaving (see
   * {@link MembershipService}); the host calls it every third of the node timeout (the core owns no
   * threads). Completes with the number of connections removed; 0 without a membership.
   */
  public CompletionStage<Integer> maintainCluster() {
    return membership
        .map(MembershipService::tick)
        .orElseGet(() -> CompletableFuture.completedFuture(0));
  }

  /** Leaves the cluster membership on a graceful stop; a no-op without a membership. */
  public CompletionStage<Void> leaveCluster() {
    return membership
        .map(MembershipService::leave)
        .orElseGet(() -> CompletableFuture.completedFuture(null));
  }

  /** The presence use case, when a factory was given. */
  public Optional<PresenceUseCase> presence() {
    return presence;
  }

  /** The chat use case, when a factory was given. */
  public Optional<ChatUseCase> chat() {
    return chat;
  }

  /** The notification use case, when a factory was given. */
  public Optional<NotificationUseCase> notifications() {
    return notifications;
  }

  /** The messaging use case, when a factory was given. */
  public Optional<MessagingUseCase> messaging() {
    return messaging;
  }

  /** Live auctions ({@code place_bid}), when an {@link AuctionStore} was given. */
  public Optional<AuctionUseCase> auctions() {
    return auctions;
  }

  /**
   * Collects one adapter per driven port, the configuration and the plugged-in services. The clock
   * defaults to the system clock and ids to random UUIDs; every other port is required. Not
   * thread-safe.
   */
  public static final class Builder {
    private CoreConfig config = CoreConfig.defaults();
    private ClusterBus clusterBus;
    private ConnectionRegistry connectionRegistry;
    private PresenceStore presenceStore;
    private RateLimitStore rateLimitStore;
    private OfflineQueue offlineQueue;
    private RecoveryStore recoveryStore;
    private DeduplicationStore deduplicationStore;
    private EventLog eventLog;
    private ChatRepository chatRepository;
    private NotificationRepository notificationRepository;
    private LocalDelivery localDelivery;
    private TokenVerifier tokenVerifier;
    private AuctionStore auctionStore;
    private Clock clock = Clock.system();
    private IdGenerator idGenerator = () -> UUID.randomUUID().toString();
    private final List<ConnectionListener> listeners = new ArrayList<>();
    private ClusterMembership membership;
    private Duration nodeTimeout = DEFAULT_NODE_TIMEOUT;
    private Duration heartbeatSilence;
    private OutboundEvents outboundEvents = OutboundEvents.NONE;
    private ConnectionLog connectionLog = ConnectionLog.NONE;
    private PresenceArchive presenceArchive = PresenceArchive.NONE;
    // Slots for core-b's services, wired by the integrator.
    private Function<Parts, ? extends PresenceUseCase> presence;
    private Function<Parts, ? extends ChatUseCase> chat;
    private Function<Parts, ? extends NotificationUseCase> notifications;
    private Function<Parts, ? extends MessagingUseCase> messaging;

    private Builder() {}

    public Builder config(CoreConfig config) {
      this.config = config;
      return this;
    }

    /**
     * Optional: the cluster membership, and how long a node may miss heartbeats before the others
     * clean up after it. Without it {@link #maintainCluster()} does nothing (a single node).
     */
    public Builder clusterMembership(ClusterMembership membership, Duration nodeTimeout) {
      this.membership = Objects.requireNonNull(membership, "membership");
      this.nodeTimeout = Objects.requireNonNull(nodeTimeout, "nodeTimeout");
      return this;
    }

    /**
     * As {@link #clusterMembership(ClusterMembership, Duration)}, for a host that calls {@link
     * #maintainCluster()} often (every second, say): a node whose last heartbeat is older than
     * {@code heartbeatSilence} (a few of those intervals, well under {@code nodeTimeout}) is taken
     * to be gone, and a client of it that reconnects to this node recovers its session at once,
     * without waiting for the dead node's cleanup.
     */
    public Builder clusterMembership(
        ClusterMembership membership, Duration nodeTimeout, Duration heartbeatSilence) {
      Objects.requireNonNull(heartbeatSilence, "heartbeatSilence");
      if (heartbeatSilence.isNegative()
          || heartbeatSilence.isZero()
          || heartbeatSilence.compareTo(nodeTimeout) >= 0) {
        throw new IllegalArgumentException("0 < heartbeatSilence < nodeTimeout");
      }
      clusterMembership(membership, nodeTimeout);
      this.heartbeatSilence = heartbeatSilence;
      return this;
    }

    public Builder clusterBus(ClusterBus clusterBus) {
      this.clusterBus = clusterBus;
      return this;
    }

    public Builder connectionRegistry(ConnectionRegistry connectionRegistry) {
      this.connectionRegistry = connectionRegistry;
      return this;
    }

    public Builder presenceStore(PresenceStore presenceStore) {
      this.presenceStore = presenceStore;
      return this;
    }

    public Builder rateLimitStore(RateLimitStore rateLimitStore) {
      this.rateLimitStore = rateLimitStore;
      return this;
    }

    public Builder offlineQueue(OfflineQueue offlineQueue) {
      this.offlineQueue = offlineQueue;
      return this;
    }

    public Builder recoveryStore(RecoveryStore recoveryStore) {
      this.recoveryStore = recoveryStore;
      return this;
    }

    public Builder deduplicationStore(DeduplicationStore deduplicationStore) {
      this.deduplicationStore = deduplicationStore;
      return this;
    }

    public Builder eventLog(EventLog eventLog) {
      this.eventLog = eventLog;
      return this;
    }

    public Builder chatRepository(ChatRepository chatRepository) {
      this.chatRepository = chatRepository;
      return this;
    }

    public Builder notificationRepository(NotificationRepository notificationRepository) {
      this.notificationRepository = notificationRepository;
      return this;
    }

    public Builder localDelivery(LocalDelivery localDelivery) {
      this.localDelivery = localDelivery;
      return this;
    }

    public Builder tokenVerifier(TokenVerifier tokenVerifier) {
      this.tokenVerifier = tokenVerifier;
      return this;
    }

    /** Optional: with it, the core takes bids on auctions ({@link RealtimeCore#auctions()}). */
    public Builder auctionStore(AuctionStore auctionStore) {
      this.auctionStore = auctionStore;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder idGenerator(IdGenerator idGenerator) {
      this.idGenerator = idGenerator;
      return this;
    }

    /** Optional: where the services' outbound events go (chat, presence, notifications). */
    public Builder outboundEvents(OutboundEvents outboundEvents) {
      this.outboundEvents = Objects.requireNonNull(outboundEvents, "outboundEvents");
      return this;
    }

    /**
     * Optional: where this node's connections are recorded (opened, channels, link quality,
     * location, closed); {@link ConnectionLog#NONE} by default.
     */
    public Builder connectionLog(ConnectionLog connectionLog) {
      this.connectionLog = Objects.requireNonNull(connectionLog, "connectionLog");
      return this;
    }

    /**
     * Optional: where the core's presence service keeps each user's last known presence, so that
     * {@code last_seen} outlives the presence store; {@link PresenceArchive#NONE} by default.
     */
    public Builder presenceArchive(PresenceArchive presenceArchive) {
      this.presenceArchive = Objects.requireNonNull(presenceArchive, "presenceArchive");
      return this;
    }

    /** Adds a listener told of every connection of this node. */
    public Builder connectionListener(ConnectionListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Slot: the presence service (core-b's {@code PresenceService}). */
    public Builder presence(Function<Parts, ? extends PresenceUseCase> factory) {
      this.presence = factory;
      return this;
    }

    /** Slot: the chat service (core-b's {@code ChatService}). */
    public Builder chat(Function<Parts, ? extends ChatUseCase> factory) {
      this.chat = factory;
      return this;
    }

    /** Slot: the notification service (core-b's {@code NotificationService}). */
    public Builder notifications(Function<Parts, ? extends NotificationUseCase> factory) {
      this.notifications = factory;
      return this;
    }

    /** Slot: the messaging service (core-b's {@code MessagingService}). */
    public Builder messaging(Function<Parts, ? extends MessagingUseCase> factory) {
      this.messaging = factory;
      return this;
    }

    /**
     * @throws NullPointerException naming the first driven port not given
     */
    public RealtimeCore build() {
      return new RealtimeCore(this);
    }
  }
}
