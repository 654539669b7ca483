package bd.com.getit.realtime.core.presence;

import bd.com.getit.realtime.core.ConnectionListener;
import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.i18n.SystemText;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventKind;
import bd.com.getit.realtime.domain.IsoInstants;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import bd.com.getit.realtime.domain.connection.ConnectionUpdate;
import bd.com.getit.realtime.domain.presence.DevicePresence;
import bd.com.getit.realtime.domain.presence.Location;
import bd.com.getit.realtime.domain.presence.OnlineUsers;
import bd.com.getit.realtime.domain.presence.Place;
import bd.com.getit.realtime.domain.presence.Presence;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import bd.com.getit.realtime.domain.presence.ShoppingActivity;
import bd.com.getit.realtime.port.in.PresenceUseCase;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ConnectionLog;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.IdGenerator;
import bd.com.getit.realtime.port.out.LocalDelivery;
import bd.com.getit.realtime.port.out.PresenceArchive;
import bd.com.getit.realtime.port.out.PresenceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Presence per device, aggregated per user: a connection starts a device ({@code online}), its end
 * removes it (and records last-seen when it was the last), updates change one device (a socket) or
 * every live device (REST). Each change sends {@code presence_update} to the user's chat rooms and
 * to {@code admin:presence}. A user whose every device says {@code offline} is invisible: others
 * see them offline, staff and the user see the truth. Guests have no presence. Publishing is best
 * effort: a failed publication is logged, the stored presence stands; the {@code admin:presence}
 * copy is left out while no staff can receive it ({@link StaffAudience}). Each announced presence
 * is also saved to the {@link PresenceArchive}, which answers {@code last_seen} when the store has
 * none (after a restart with in-memory presence); link quality and socket locations go to the
 * {@link ConnectionLog}. Both are best effort too.
 *
 * <p>Online counts are kept as presence changes, not computed when asked: each announced presence
 * tells the store where the user is counted ({@link PresenceStore#place}), by the canonical place
 * the {@link Gazetteer} gives the location of their most recently active device ({@code Other} for
 * none or an unknown one); an invisible or offline user is counted nowhere. {@link #onlineUsers}
 * reads the counts and visits no device. The store counts each user at most once and drops a user
 * with their last device (so a dead node's cleanup takes its users off), whatever the order of
 * calls; two updates of one user racing on two nodes may leave the user under the place the earlier
 * one saw until their next change. The {@code activity} a device reports is shown to staff only.
 * Thread-safe; never blocks.
 */
public final class PresenceService implements PresenceUseCase, ConnectionListener {

  private static final System.Logger LOG = System.getLogger(PresenceService.class.getName());

  /** Devices with no activity for this long are marked away by {@link #sweepIdle()}. */
  public static final Duration DEFAULT_IDLE_AFTER = Duration.ofMinutes(5);

  static final String EVENT = EventKind.PRESENCE_UPDATE.wireName();

  /** A user with no idle device, the usual answer of the sweep: shared, never completed again. */
  private static final CompletableFuture<Integer> NONE_IDLE = CompletableFuture.completedFuture(0);

  private final PresenceStore store;
  private final ConnectionRegistry registry;
  private final ChatRepository chats;
  private final Fanout fanout;
  private final Clock clock;
  private final IdGenerator ids;
  private final RateLimiter limiter;
  private final Duration idleAfter;
  private final LocalDelivery delivery;
  private final PresenceArchive archive;
  private final ConnectionLog connectionLog;
  private final Gazetteer gazetteer;
  private final StaffAudience staff;
  private final Map<ConnectionId, ConnectionQuality> qualities = new ConcurrentHashMap<>();

  public PresenceService(
      PresenceStore store,
      ConnectionRegistry registry,
      ChatRepository chats,
      Fanout fanout,
      Clock clock,
      IdGenerator ids,
      RateLimiter limiter,
      Duration idleAfter,
      LocalDelivery delivery) {
    this(
        store,
        registry,
        chats,
        fanout,
        clock,
        ids,
        limiter,
        idleAfter,
        delivery,
        PresenceArchive.NONE,
        ConnectionLog.NONE);
  }

  public PresenceService(
      PresenceStore store,
      ConnectionRegistry registry,
      ChatRepository chats,
      Fanout fanout,
      Clock clock,
      IdGenerator ids,
      RateLimiter limiter,
      Duration idleAfter,
      LocalDelivery delivery,
      PresenceArchive archive,
      ConnectionLog connectionLog) {
    this(
        store,
        registry,
        chats,
        fanout,
        clock,
        ids,
        limiter,
        idleAfter,
        delivery,
        archive,
        connectionLog,
        Gazetteer.bangladesh());
  }

  /** As above, counting users by the places of {@code gazetteer}. */
  public PresenceService(
      PresenceStore store,
      ConnectionRegistry registry,
      ChatRepository chats,
      Fanout fanout,
      Clock clock,
      IdGenerator ids,
      RateLimiter limiter,
      Duration idleAfter,
      LocalDelivery delivery,
      PresenceArchive archive,
      ConnectionLog connectionLog,
      Gazetteer gazetteer) {
    this(
        store,
        registry,
        chats,
        fanout,
        clock,
        ids,
        limiter,
        idleAfter,
        delivery,
        archive,
        connectionLog,
        gazetteer,
        StaffAudience.ANYONE);
  }

  /**
   * As above, sending each change to {@code admin:presence} only while {@code staff} may be
   * listening.
   */
  public PresenceService(
      PresenceStore store,
      ConnectionRegistry registry,
      ChatRepository chats,
      Fanout fanout,
      Clock clock,
      IdGenerator ids,
      RateLimiter limiter,
      Duration idleAfter,
      LocalDelivery delivery,
      PresenceArchive archive,
      ConnectionLog connectionLog,
      Gazetteer gazetteer,
      StaffAudience staff) {
    this.staff = Objects.requireNonNull(staff, "staff");
    this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    this.archive = Objects.requireNonNull(archive, "archive");
    this.connectionLog = Objects.requireNonNull(connectionLog, "connectionLog");
    this.store = Objects.requireNonNull(store, "store");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.chats = Objects.requireNonNull(chats, "chats");
    this.fanout = Objects.requireNonNull(fanout, "fanout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.idleAfter = Objects.requireNonNull(idleAfter, "idleAfter");
    if (idleAfter.isNegative() || idleAfter.isZero()) {
      throw new IllegalArgumentException("idleAfter > 0");
    }
  }

  @Override
  public CompletionStage<Void> connected(Principal principal, ConnectionInfo connection) {
    return attempt(
        () -> {
          if (principal.isGuest()) {
            return CompletableFuture.completedFuture(null);
          }
          UserId user = principal.user();
          return store
              .put(user, fresh(connection.id(), clock.now()))
              .thenCompose(v -> store.devices(user))
              .thenCompose(devices -> announce(aggregate(user, devices)))
              .thenApply(p -> null);
        });
  }

  /** The device was lost with the cluster state while it stayed connected: it is back online. */
  @Override
  public CompletionStage<Void> restored(Principal principal, ConnectionInfo connection) {
    return connected(principal, connection);
  }

  @Override
  public CompletionStage<Void> disconnected(Principal principal, ConnectionInfo connection) {
    return attempt(
        () -> {
          qualities.remove(connection.id());
          if (principal.isGuest()) {
            return CompletableFuture.completedFuture(null);
          }
          UserId user = principal.user();
          Instant now = clock.now();
          return store
              .remove(user, connection.id(), now)
              .thenApply(
                  left ->
                      left.isEmpty()
                          ? Presence.offline(user, Optional.of(now))
                          : aggregate(user, left))
              .thenCompose(this::announce)
              .thenApply(p -> null);
        });
  }

  @Override
  public CompletionStage<Presence> update(UpdatePresenceCommand command) {
    return attempt(
        () -> {
          Caller caller = command.caller();
          requireSignedIn(caller.principal());
          PresenceChange change = PresenceChange.parse(command.update());
          UserId user = caller.user();
          return limiter
              .check(caller.principal(), RateLimiter.Action.UPDATE_PRESENCE)
              .thenCompose(v -> targets(caller))
              .thenCompose(
                  targets -> {
                    Instant now = clock.now();
                    CompletableFuture<?>[] puts =
                        targets.stream()
                            .map(d -> store.put(user, change.applyTo(d, now)).toCompletableFuture())
                            .toArray(CompletableFuture[]::new);
                    return CompletableFuture.allOf(puts);
                  })
              .thenCompose(v -> store.devices(user))
              .thenCompose(devices -> announce(aggregate(user, devices)))
              .whenComplete((p, e) -> logLocation(caller, change, e));
        });
  }

  /** A socket's new location goes to the connection log (REST updates name no connection). */
  private void logLocation(Caller caller, PresenceChange change, Throwable failure) {
    if (failure == null && caller.connection().isPresent() && change.location().isPresent()) {
      record(
          ConnectionUpdate.location(
              caller.connection().get(), clock.now(), change.location().get()));
    }
  }

  /**
   * Marks every {@code online} device with no activity for the idle time as {@code away} and tells
   * the rooms. The application schedules it; completes with the number of devices marked.
   */
  public CompletionStage<Integer> sweepIdle() {
    return attempt(
        () -> {
          Instant cutoff = clock.now().minus(idleAfter);
          return store
              .online()
              .thenCompose(
                  online -> {
                    CompletableFuture<Integer> total = CompletableFuture.completedFuture(0);
                    for (Map.Entry<UserId, List<DevicePresence>> e : online.entrySet()) {
                      CompletableFuture<Integer> marked = sweep(e.getKey(), e.getValue(), cutoff);
                      if (marked != NONE_IDLE) {
                        total = total.thenCombine(marked, Integer::sum);
                      }
                    }
                    return total;
                  });
        });
  }

  private CompletableFuture<Integer> sweep(
      UserId user, List<DevicePresence> devices, Instant cutoff) {
    // Visits every online user each sweep: most have no idle device, and cost no allocation here.
    List<DevicePresence> idle = null;
    for (DevicePresence d : devices) {
      if (d.status() == PresenceStatus.ONLINE && d.lastActivity().isBefore(cutoff)) {
        if (idle == null) {
          idle = new ArrayList<>(devices.size());
        }
        idle.add(d);
      }
    }
    if (idle == null) {
      return NONE_IDLE;
    }
    int marked = idle.size();
    CompletableFuture<?>[] puts =
        idle.stream()
            .map(
                d ->
                    store
                        .put(
                            user,
                            new DevicePresence(
                                d.connection(),
                                PresenceStatus.AWAY,
                                d.currentPage(),
                                d.activity(),
                                d.location(),
                                d.lastActivity()))
                        .toCompletableFuture())
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(puts)
        .thenCompose(v -> store.devices(user))
        .thenCompose(left -> announce(aggregate(user, left)))
        .thenApply(p -> marked)
        .toCompletableFuture();
  }

  @Override
  public CompletionStage<Presence> get(Caller caller, UserId user) {
    return attempt(
        () -> {
          requireSignedIn(caller.principal());
          Objects.requireNonNull(user, "user");
          boolean staff = caller.principal().isStaff();
          boolean trusted = caller.user().equals(user) || staff;
          return limiter
              .check(caller.principal(), RateLimiter.Action.REST_READ)
              .thenCompose(v -> presenceOf(user))
              .thenApply(p -> trusted ? p : publicView(p))
              .thenApply(p -> staff ? p : withoutActivity(p));
        });
  }

  @Override
  public CompletionStage<OnlineUsers> onlineUsers(Caller caller) {
    return attempt(
        () -> {
          requireSignedIn(caller.principal());
          return limiter
              .check(caller.principal(), RateLimiter.Action.REST_READ)
              .thenCompose(v -> store.counts());
        });
  }

  @Override
  public CompletionStage<Void> networkInfo(Caller caller, ConnectionQuality quality) {
    return attempt(
        () -> {
          if (quality == null) {
            throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "bandwidth is required");
          }
          ConnectionId connection =
              caller
                  .connection()
                  .orElseThrow(
                      () ->
                          new RealtimeException(
                              ErrorCode.CONFLICT, SystemText.NO_LIVE_CONNECTION.english()));
          qualities.put(connection, quality);
          record(ConnectionUpdate.quality(connection, clock.now(), quality));
          // Delivery to this socket adapts at once: batching and shedding on 2g/3g links.
          delivery.adapt(connection, quality);
          return CompletableFuture.completedFuture(null);
        });
  }

  /** The link quality a live connection of this node last reported. */
  public Optional<ConnectionQuality> quality(ConnectionId connection) {
    return Optional.ofNullable(qualities.get(connection));
  }

  /** The devices an update applies to: the calling socket, or every live device for REST. */
  private CompletionStage<List<DevicePresence>> targets(Caller caller) {
    UserId user = caller.user();
    Instant now = clock.now();
    if (caller.connection().isPresent()) {
      ConnectionId socket = caller.connection().get();
      return store
          .devices(user)
          .thenApply(
              devices ->
                  List.of(
                      devices.stream()
                          .filter(d -> d.connection().equals(socket))
                          .findFirst()
                          .orElseGet(() -> fresh(socket, now))));
    }
    return registry
        .connectionsOf(user)
        .thenCombine(
            store.devices(user),
            (live, devices) -> {
              if (live.isEmpty()) {
                // A connectionless pseudo-device would outlive every socket and never go away.
                throw new RealtimeException(
                    ErrorCode.CONFLICT, SystemText.NO_LIVE_CONNECTION.english());
              }
              return live.stream()
                  .map(
                      c ->
                          devices.stream()
                              .filter(d -> d.connection().equals(c.id()))
                              .findFirst()
                              .orElseGet(() -> fresh(c.id(), now)))
                  .toList();
            });
  }

  private CompletionStage<Presence> presenceOf(UserId user) {
    return store
        .devices(user)
        .thenCompose(
            devices ->
                devices.isEmpty()
                    ? store.lastSeen(user).thenCompose(seen -> offline(user, seen))
                    : CompletableFuture.completedFuture(aggregate(user, devices)));
  }

  /** Offline, last seen as the store knows it, else as the archive does; never fails on it. */
  private CompletionStage<Presence> offline(UserId user, Optional<Instant> seen) {
    if (seen.isPresent()) {
      return CompletableFuture.completedFuture(Presence.offline(user, seen));
    }
    return attempt(() -> archive.find(user))
        .handle(
            (archived, e) -> {
              if (e != null) {
                LOG.log(System.Logger.Level.WARNING, "presence archive not read for " + user, e);
                return Presence.offline(user, Optional.empty());
              }
              return Presence.offline(user, archived.flatMap(Presence::lastSeen));
            });
  }

  /** Saves the user's presence in the archive, in the background; a failure is logged. */
  private void keep(Presence presence, Instant at) {
    attempt(() -> archive.save(presence, at))
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                LOG.log(
                    System.Logger.Level.WARNING,
                    "presence of " + presence.user() + " not archived",
                    e);
              }
            });
  }

  /** Writes to the connection log in the background; a failure is logged. */
  private void record(ConnectionUpdate update) {
    attempt(() -> connectionLog.updated(update))
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                LOG.log(
                    System.Logger.Level.WARNING,
                    "connection log update of " + update.connection() + " failed",
                    e);
              }
            });
  }

  /**
   * Sends {@code presence_update} to the user's rooms (as others may see it) and to {@code
   * admin:presence} (the truth) while staff may listen ({@link StaffAudience}); completes with
   * {@code presence} even when publishing fails.
   */
  private CompletionStage<Presence> announce(Presence presence) {
    return count(presence).thenCompose(v -> publish(presence));
  }

  /** Tells the store where the user is counted now; completes when done, never fails. */
  private CompletionStage<Void> count(Presence presence) {
    return attempt(() -> store.place(presence.user(), placeOf(presence)))
        .handle(
            (v, failure) -> {
              if (failure != null) {
                LOG.log(
                    System.Logger.Level.WARNING,
                    "online count of " + presence.user() + " not updated",
                    failure);
              }
              return null;
            });
  }

  /** Where a user is counted: nowhere when offline or invisible, else by their location. */
  Optional<Place> placeOf(Presence presence) {
    if (presence.status() == PresenceStatus.OFFLINE) {
      return Optional.empty();
    }
    return Optional.of(presence.location().map(gazetteer::place).orElse(Place.OTHER));
  }

  private CompletionStage<Presence> publish(Presence presence) {
    Instant now = clock.now();
    keep(presence, now);
    boolean toStaff = staff.listening();
    return chats
        .roomsOf(presence.user())
        .thenCompose(
            rooms -> {
              if (rooms.isEmpty() && !toStaff) {
                // nobody to tell (the usual connect of a shopper): no payload, no event
                return CompletableFuture.completedFuture(null);
              }
              JsonValue.JsonObject truth = payload(presence);
              Presence seen = publicView(presence);
              // Most users are visible: then others see the truth, written once.
              JsonValue.JsonObject shown = seen == presence ? truth : payload(seen);
              List<CompletableFuture<?>> sent = new ArrayList<>(rooms.size() + 1);
              for (ChatRoom room : rooms) {
                sent.add(publish(room.channel(), shown, now));
              }
              if (toStaff) {
                sent.add(publish(ChannelName.ADMIN_PRESENCE, truth, now));
              }
              return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
            })
        .handle(
            (v, failure) -> {
              if (failure != null) {
                LOG.log(
                    System.Logger.Level.WARNING,
                    "presence_update of " + presence.user() + " not published",
                    failure);
              }
              return presence;
            });
  }

  private CompletableFuture<?> publish(
      ChannelName channel, JsonValue.JsonObject data, Instant now) {
    Event event =
        new Event(
            EventId.of(ids.next()),
            EVENT,
            channel,
            data,
            now,
            Priority.LOW,
            Duration.ZERO,
            List.of(),
            false);
    return fanout.publish(event, Optional.empty()).toCompletableFuture();
  }

  /** The {@code presence_update} payload of PROTOCOL section 5. */
  static JsonValue.JsonObject payload(Presence p) {
    JsonValue.JsonObject.Builder b =
        JsonValue.JsonObject.builder()
            .put("user_id", p.user().value())
            .put("status", p.status().wireName());
    if (p.lastSeen().isPresent()) {
      b.put("last_seen", IsoInstants.format(p.lastSeen().get()));
    } else {
      b.putNull("last_seen");
    }
    if (p.currentPage().isPresent()) {
      b.put("current_page", p.currentPage().get());
    } else {
      b.putNull("current_page");
    }
    return b.put("device_count", p.deviceCount()).build();
  }

  /** An invisible user (every device {@code offline}) looks offline to others. */
  static Presence publicView(Presence p) {
    return p.status() == PresenceStatus.OFFLINE && p.deviceCount() > 0
        ? Presence.offline(p.user(), Optional.empty())
        : p;
  }

  /**
   * The most present status of any device; page and activity of the most recently active device;
   * the location of the most recently active device that has one; last seen is the latest activity.
   */
  static Presence aggregate(UserId user, List<DevicePresence> devices) {
    if (devices.isEmpty()) {
      return Presence.offline(user, Optional.empty());
    }
    if (devices.size() == 1) {
      // The usual case (one device, as each connect of a new user): nothing to compare.
      DevicePresence only = devices.get(0);
      return new Presence(
          user,
          only.status(),
          Optional.of(only.lastActivity()),
          only.currentPage(),
          only.activity(),
          only.location(),
          1);
    }
    PresenceStatus status =
        devices.stream().map(DevicePresence::status).max(Comparator.naturalOrder()).orElseThrow();
    List<DevicePresence> newestFirst =
        devices.stream()
            .sorted(Comparator.comparing(DevicePresence::lastActivity).reversed())
            .toList();
    DevicePresence latest = newestFirst.get(0);
    Optional<Location> location =
        newestFirst.stream().flatMap(d -> d.location().stream()).findFirst();
    return new Presence(
        user,
        status,
        Optional.of(latest.lastActivity()),
        latest.currentPage(),
        latest.activity(),
        location,
        devices.size());
  }

  /** What a user who is not staff sees: the shopping activity is for the support desk only. */
  static Presence withoutActivity(Presence p) {
    return new Presence(
        p.user(),
        p.status(),
        p.lastSeen(),
        p.currentPage(),
        ShoppingActivity.NONE,
        p.location(),
        p.deviceCount());
  }

  private static DevicePresence fresh(ConnectionId connection, Instant now) {
    return new DevicePresence(
        connection,
        PresenceStatus.ONLINE,
        Optional.empty(),
        ShoppingActivity.NONE,
        Optional.empty(),
        now);
  }

  private static void requireSignedIn(Principal principal) {
    if (principal.isGuest()) {
      throw new RealtimeException(ErrorCode.FORBIDDEN, SystemText.GUESTS_NOT_ALLOWED.english());
    }
  }

  /** Runs {@code body}; a synchronous throw becomes a failed stage, never escapes. */
  private static <T> CompletionStage<T> attempt(Supplier<CompletionStage<T>> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
