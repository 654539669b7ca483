package bd.com.getit.realtime.core.assembly;

import bd.com.getit.realtime.core.ConnectionListener;
import bd.com.getit.realtime.core.Subscriptions;
import bd.com.getit.realtime.core.admin.DeliveryMeter;
import bd.com.getit.realtime.port.in.AdminUseCase;
import bd.com.getit.realtime.port.in.AnnouncementUseCase;
import bd.com.getit.realtime.port.in.AuctionUseCase;
import bd.com.getit.realtime.port.in.ChannelUseCase;
import bd.com.getit.realtime.port.in.ChatUseCase;
import bd.com.getit.realtime.port.in.ConnectionUseCase;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import bd.com.getit.realtime.port.in.MessagingUseCase;
import bd.com.getit.realtime.port.in.NotificationUseCase;
import bd.com.getit.realtime.port.in.PresenceUseCase;
import bd.com.getit.realtime.port.out.AnnouncementStore;
import bd.com.getit.realtime.port.out.AuctionStore;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.IdGenerator;
import bd.com.getit.realtime.port.out.NotificationTemplates;
import bd.com.getit.realtime.port.out.TokenVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The core assembled in plain Java from the grouped driven ports: {@link #builder()} takes them and
 * the result hands out the use cases. {@link #start()} opens the cluster bus subscription and
 * starts the {@linkplain CoreMaintenance maintenance}; {@link #close()} stops both (leaving the
 * cluster). The adapters stay the caller's to close, after the core.
 *
 * <pre>{@code
 * RealtimeCore core = RealtimeCore.builder()
 *     .stores(stateStores).records(recordStores)
 *     .cluster(ClusterPorts.single(bus)).outbound(OutboundPorts.local(delivery))
 *     .tokenVerifier(verifier)
 *     .build();
 * core.start();
 * core.ingest().ingest(command);
 * core.close();
 * }</pre>
 */
public final class RealtimeCore implements AutoCloseable {
  private final CoreConfig config;
  private final CoreServices services;

  private RealtimeCore(CoreConfig config, CoreServices services) {
    this.config = config;
    this.services = services;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts receiving other nodes' events and the periodic chores. Starting twice is harmless. */
  public void start() {
    services.router.start();
    services.maintenance.start();
  }

  /**
   * Stops the chores, leaves the cluster (a graceful stop, bounded to a few seconds) and stops
   * receiving other nodes' events. The core can be started again.
   */
  @Override
  public void close() {
    services.maintenance.close();
    services.router.close();
  }

  /** The periodic chores, for a host that stops them apart from the core (a simulated crash). */
  public CoreMaintenance maintenance() {
    return services.maintenance;
  }

  public CoreConfig config() {
    return config;
  }

  public ConnectionUseCase connections() {
    return services.connections;
  }

  public ChannelUseCase channels() {
    return services.channels;
  }

  /** Events of other services, and of an embedding service in-process. */
  public EventIngestUseCase ingest() {
    return services.ingest;
  }

  public AdminUseCase admin() {
    return services.admin;
  }

  public PresenceUseCase presence() {
    return services.presence;
  }

  public ChatUseCase chat() {
    return services.chat;
  }

  public NotificationUseCase notifications() {
    return services.notifications;
  }

  /** System announcements, kept until their {@code show_until}. */
  public AnnouncementUseCase announcements() {
    return services.announcements;
  }

  public MessagingUseCase messaging() {
    return services.messaging;
  }

  /** Live auctions ({@code place_bid}), when an {@link AuctionStore} was given. */
  public Optional<AuctionUseCase> auctions() {
    return services.auctions.map(AuctionUseCase.class::cast);
  }

  /** This node's sockets and their channels, as the core sees them. */
  public Subscriptions subscriptions() {
    return services.sessions;
  }

  /** Messages delivered by this node, for metrics. */
  public DeliveryMeter deliveryMeter() {
    return services.meter;
  }

  /**
   * Collects the configuration and the grouped ports. Required: {@link #stores}, {@link #records},
   * {@link #cluster}, {@link #outbound} and {@link #tokenVerifier}; the configuration defaults to
   * {@link CoreConfig#defaults()}, the clock to the system clock and ids to random UUIDs. Not
   * thread-safe.
   */
  public static final class Builder {
    private CoreConfig config = CoreConfig.defaults();
    private StateStores stores;
    private RecordStores records;
    private ClusterPorts cluster;
    private OutboundPorts outbound;
    private TokenVerifier tokenVerifier;
    private Clock clock = Clock.system();
    private IdGenerator idGenerator = () -> UUID.randomUUID().toString();
    private AuctionStore auctionStore;
    private NotificationTemplates templates = NotificationTemplates.NONE;
    private AnnouncementStore announcements = AnnouncementStore.NONE;
    private final List<ConnectionListener> listeners = new ArrayList<>();

    private Builder() {}

    public Builder config(CoreConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The live state of connections and users. */
    public Builder stores(StateStores stores) {
      this.stores = stores;
      return this;
    }

    /** Chat, notifications, the event log and the optional durable records. */
    public Builder records(RecordStores records) {
      this.records = records;
      return this;
    }

    /** The bus, and the membership of a cluster ({@link ClusterPorts#single} for one node). */
    public Builder cluster(ClusterPorts cluster) {
      this.cluster = cluster;
      return this;
    }

    /** Where events leave the core: this node's sockets and, optionally, other systems. */
    public Builder outbound(OutboundPorts outbound) {
      this.outbound = outbound;
      return this;
    }

    public Builder tokenVerifier(TokenVerifier tokenVerifier) {
      this.tokenVerifier = tokenVerifier;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder idGenerator(IdGenerator idGenerator) {
      this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
      return this;
    }

    /** Optional: with it, the core takes bids on auctions ({@link RealtimeCore#auctions()}). */
    public Builder auctionStore(AuctionStore auctionStore) {
      this.auctionStore = Objects.requireNonNull(auctionStore, "auctionStore");
      return this;
    }

    /** Optional: the templates notifications may be sent with (none by default). */
    public Builder notificationTemplates(NotificationTemplates templates) {
      this.templates = Objects.requireNonNull(templates, "templates");
      return this;
    }

    /**
     * Optional: where announcements are kept until their {@code show_until} (by default nowhere:
     * they reach only the sockets connected when they are made). Shared by the nodes of a cluster.
     */
    public Builder announcements(AnnouncementStore announcements) {
      this.announcements = Objects.requireNonNull(announcements, "announcements");
      return this;
    }

    /** Adds a listener told of every connection of this node. */
    public Builder connectionListener(ConnectionListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * @throws NullPointerException naming the first required group not given
     */
    public RealtimeCore build() {
      CoreServices services =
          new CoreServices(
              new CoreServices.Inputs(
                  config,
                  Objects.requireNonNull(stores, "stores"),
                  Objects.requireNonNull(records, "records"),
                  Objects.requireNonNull(cluster, "cluster"),
                  Objects.requireNonNull(outbound, "outbound"),
                  Objects.requireNonNull(tokenVerifier, "tokenVerifier"),
                  clock,
                  idGenerator,
                  Optional.ofNullable(auctionStore),
                  List.copyOf(listeners),
                  templates,
                  announcements));
      return new RealtimeCore(config, services);
    }
  }
}
