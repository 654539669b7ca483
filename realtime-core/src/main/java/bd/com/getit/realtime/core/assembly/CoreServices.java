package bd.com.getit.realtime.core.assembly;

import bd.com.getit.realtime.core.ConnectionListener;
import bd.com.getit.realtime.core.DeliveryListener;
import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.core.access.ChannelAccessPolicy;
import bd.com.getit.realtime.core.admin.AdminService;
import bd.com.getit.realtime.core.admin.DeliveryMeter;
import bd.com.getit.realtime.core.auction.AuctionService;
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
import bd.com.getit.realtime.core.notification.AnnouncementService;
import bd.com.getit.realtime.core.notification.NotificationLifecycle;
import bd.com.getit.realtime.core.notification.NotificationService;
import bd.com.getit.realtime.core.presence.Gazetteer;
import bd.com.getit.realtime.core.presence.PresenceService;
import bd.com.getit.realtime.core.presence.StaffAudience;
import bd.com.getit.realtime.core.routing.ClusterEviction;
import bd.com.getit.realtime.core.routing.EventRouter;
import bd.com.getit.realtime.core.routing.OutboundFanout;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.core.text.MessageSanitizer;
import bd.com.getit.realtime.core.text.SpamDetector;
import bd.com.getit.realtime.domain.cluster.NodeStatus;
import bd.com.getit.realtime.port.out.AnnouncementStore;
import bd.com.getit.realtime.port.out.AuctionStore;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ConnectionLog;
import bd.com.getit.realtime.port.out.IdGenerator;
import bd.com.getit.realtime.port.out.NotificationTemplates;
import bd.com.getit.realtime.port.out.OutboundEvents;
import bd.com.getit.realtime.port.out.TokenVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The core's services built from the grouped ports, in the order they depend on each other: the one
 * place that knows which service needs which port. Its fields are what {@link RealtimeCore} hands
 * out.
 */
final class CoreServices {
  /** How long a notification is kept unless its publisher says otherwise. */
  private static final Duration NOTIFICATION_RETENTION = Duration.ofDays(7);

  final LocalSessions sessions;
  final DeliveryMeter meter;
  final EventRouter router;
  final ConnectionService connections;
  final ChannelService channels;
  final EventIngestService ingest;
  final AdminService admin;
  final PresenceService presence;
  final ChatService chat;
  final NotificationService notifications;
  final AnnouncementService announcements;
  final MessagingService messaging;
  final Optional<AuctionService> auctions;
  final CoreMaintenance maintenance;

  /** The builder's inputs, each checked there. */
  record Inputs(
      CoreConfig config,
      StateStores stores,
      RecordStores records,
      ClusterPorts cluster,
      OutboundPorts outbound,
      TokenVerifier tokens,
      Clock clock,
      IdGenerator ids,
      Optional<AuctionStore> auctionStore,
      List<ConnectionListener> listeners,
      NotificationTemplates templates,
      AnnouncementStore announcements) {}

  CoreServices(Inputs in) {
    CoreConfig config = in.config();
    StateStores stores = in.stores();
    RecordStores records = in.records();
    Clock clock = in.clock();
    IdGenerator ids = in.ids();
    this.sessions = new LocalSessions();
    this.meter = new DeliveryMeter(clock);
    // The router tells the notification lifecycle of deliveries, and the lifecycle pushes status
    // changes through the router: the router reaches it through this holder, set once it exists.
    AtomicReference<DeliveryListener> handed = new AtomicReference<>(DeliveryListener.NONE);
    DeliveryListener toLifecycle = event -> handed.get().handed(event);
    this.router =
        new EventRouter(
            config.nodeId(),
            in.cluster().bus(),
            sessions,
            in.outbound().local(),
            stores.registry(),
            stores.offlineQueue(),
            records.eventLog(),
            meter,
            config.offlineTtl(),
            toLifecycle);
    RateLimitPolicy rateLimiter =
        new RateLimitPolicy(stores.rateLimits(), clock, config.rateLimits());
    ChannelAccessPolicy access = new ChannelAccessPolicy(records.chat(), in.tokens());
    // The services' own events (chat, presence, notifications) also go outbound when configured.
    Fanout fanout = OutboundFanout.of(router, in.outbound().events());

    this.presence =
        new PresenceService(
            stores.presence(),
            stores.registry(),
            records.chat(),
            fanout,
            clock,
            ids,
            rateLimiter,
            config.presenceIdleAfter(),
            in.outbound().local(),
            records.presenceArchive(),
            records.connectionLog(),
            Gazetteer.bangladesh(),
            staffAudience(in, sessions));
    NotificationLifecycle lifecycle =
        new NotificationLifecycle(records.notifications(), fanout, clock, ids);
    handed.set(lifecycle);
    this.notifications =
        new NotificationService(
            records.notifications(),
            fanout,
            clock,
            ids,
            rateLimiter,
            new MessageSanitizer(),
            NOTIFICATION_RETENTION,
            lifecycle,
            in.templates());
    this.announcements =
        new AnnouncementService(in.announcements(), fanout, new MessageSanitizer(), clock, ids);
    this.messaging =
        new MessagingService(
            records.chat(),
            fanout,
            sessions,
            clock,
            ids,
            rateLimiter,
            new MessageSanitizer(),
            new SpamDetector(config.spamRules(), stores.spamLedger(), clock),
            config.chatRules());
    this.auctions =
        in.auctionStore().map(store -> new AuctionService(store, router, rateLimiter, ids, clock));

    ConnectionRecorder recorder = new ConnectionRecorder(records.connectionLog(), sessions, clock);
    List<ConnectionListener> listeners = new ArrayList<>(in.listeners());
    if (records.connectionLog() != ConnectionLog.NONE) {
      listeners.add(recorder);
    }
    listeners.add(presence);

    SessionOwners owners =
        in.cluster().membership().isPresent() && in.cluster().heartbeatSilence().isPresent()
            ? new SilentNodes(
                in.cluster().membership().get(), clock, in.cluster().heartbeatSilence().get())
            : SessionOwners.NONE;
    this.connections =
        new ConnectionService(
            config.nodeId(),
            config.allowGuests(),
            config.recoveryWindow(),
            new ConnectionService.Ports(
                in.tokens(),
                new ConnectionLimits(
                    stores.registry(),
                    stores.rateLimits(),
                    clock,
                    config.maxConnectionsPerUser(),
                    config.newConnectionsPerAddressPerMinute()),
                stores.recovery(),
                stores.registry(),
                sessions,
                in.outbound().local(),
                in.cluster().bus(),
                stores.offlineQueue(),
                ids,
                clock),
            listeners,
            owners,
            announcements::welcome,
            toLifecycle);
    Optional<MembershipService> membership =
        in.cluster()
            .membership()
            .map(
                m ->
                    new MembershipService(
                        config.nodeId(),
                        m,
                        stores.registry(),
                        listeners,
                        in.cluster().nodeTimeout(),
                        () -> meter.status(config.nodeId()),
                        connections::restoreRegistrations));
    this.channels =
        new ChannelService(
            sessions,
            access,
            rateLimiter,
            stores.registry(),
            config.maxChannelsPerConnection(),
            connection ->
                connections
                    .channelsChanged(connection)
                    .thenCompose(v -> recorder.channelsChanged(connection)));
    router.evictLocallyWith(channels::evict);
    this.chat =
        new ChatService(
            records.chat(),
            fanout,
            new ClusterEviction(config.nodeId(), in.cluster().bus(), channels::evict),
            clock,
            ids,
            rateLimiter,
            config.chatRules());
    this.ingest =
        new EventIngestService(router, stores.deduplication(), ids, clock, config.dedupWindow());
    // With a cluster, the admin figures cover every live node's last report.
    Supplier<CompletionStage<List<NodeStatus>>> liveNodes =
        in.cluster().membership().isEmpty()
            ? () -> CompletableFuture.completedFuture(List.of(meter.status(config.nodeId())))
            : in.cluster().membership().get()::statuses;
    this.admin =
        new AdminService(
            config.nodeId(),
            stores.registry(),
            sessions,
            in.outbound().local(),
            in.cluster().bus(),
            meter,
            liveNodes);
    this.maintenance =
        new CoreMaintenance(
            config.nodeId(),
            presence,
            connections,
            membership,
            config.recoveryWindow(),
            in.cluster().heartbeatEvery());
  }

  /**
   * Who may listen to {@code admin:presence}: on a single node that hands no events outbound, its
   * own sockets (and, for a recovery window, one that just left); otherwise anyone, as the node
   * cannot see other nodes' subscribers, and the outbound copy of a presence change is that one.
   */
  private static StaffAudience staffAudience(Inputs in, LocalSessions sessions) {
    boolean single = in.cluster().membership().isEmpty();
    boolean outbound = in.outbound().events() != OutboundEvents.NONE;
    return single && !outbound
        ? StaffAudience.local(sessions, in.clock(), in.config().recoveryWindow())
        : StaffAudience.ANYONE;
  }
}
