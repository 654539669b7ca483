package bd.com.getit.realtime.core.connection;

import bd.com.getit.realtime.core.ConnectionListener;
import bd.com.getit.realtime.core.DeliveryListener;
import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.core.limits.ConnectionLimits;
import bd.com.getit.realtime.core.routing.DeliveryShape;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.core.session.ReplayHolds;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ChannelType;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventKind;
import bd.com.getit.realtime.domain.IsoInstants;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.cluster.BusRecord;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.domain.connection.RecoverySession;
import bd.com.getit.realtime.port.in.ConnectionUseCase;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ClusterBus;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.IdGenerator;
import bd.com.getit.realtime.port.out.LocalDelivery;
import bd.com.getit.realtime.port.out.OfflineQueue;
import bd.com.getit.realtime.port.out.RecoveryStore;
import bd.com.getit.realtime.port.out.TokenVerifier;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The socket lifecycle: authenticates (or admits a guest), applies the connection limits, recovers
 * a previous session or auto-joins the user's own channel and {@code system:announcements},
 * registers the connection here and in the cluster registry, and tells every {@link
 * ConnectionListener}. {@link #activate} then sends {@code authenticated} (with the reader's
 * language: the token's {@code locale} claim, else what the client asked for, else English), the
 * {@link Welcome} of a new session (active announcements) or the missed events of a recovered one,
 * the offline queue and {@code offline_sync}, in that order. A session is recovered only for the
 * same user, once no node holds its connection any more (as with the Node server, never while the
 * old connection lives: two sockets would share an id), and while the bus still holds every event
 * since the client's offset. A signed-in user's session is kept in the recovery store from
 * activation on (see {@link LiveRecovery}), so it survives a crash of this node. The gateway calls
 * connect, activate and disconnect of one connection in that order (a disconnect racing an
 * unfinished connect may leave a registry entry behind). Thread-safe.
 */
public final class ConnectionService implements ConnectionUseCase {
  private static final System.Logger LOG = System.getLogger(ConnectionService.class.getName());

  /**
   * Per-connection state this service keeps: the pid, where recovery replays from, whether the
   * connection was activated, and whether its session is kept in the recovery store meanwhile
   * (activated and signed in; see {@link LiveRecovery}).
   */
  private record State(
      String pid, Optional<StreamOffset> replayFrom, boolean activated, boolean kept) {}

  private final AtomicInteger disconnecting = new AtomicInteger();

  private final NodeId node;
  private final boolean allowGuests;
  private final Duration recoveryWindow;
  private final TokenVerifier tokens;
  private final ConnectionLimits limits;
  private final RecoveryStore recovery;
  private final ConnectionRegistry registry;
  private final LocalSessions sessions;
  private final LocalDelivery delivery;
  private final ClusterBus bus;
  private final OfflineQueue offlineQueue;
  private final IdGenerator ids;
  private final Clock clock;
  private final List<ConnectionListener> listeners;
  private final SessionOwners owners;
  private final LiveRecovery live;
  private final RegistryRepair repair;
  private final Welcome welcome;
  private final DeliveryListener handed;
  private final ConcurrentMap<ConnectionId, State> states = new ConcurrentHashMap<>();

  /** The services this one drives, grouped to keep the constructor readable. */
  public record Ports(
      TokenVerifier tokens,
      ConnectionLimits limits,
      RecoveryStore recovery,
      ConnectionRegistry registry,
      LocalSessions sessions,
      LocalDelivery delivery,
      ClusterBus bus,
      OfflineQueue offlineQueue,
      IdGenerator ids,
      Clock clock) {
    public Ports {
      Objects.requireNonNull(tokens, "tokens");
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(recovery, "recovery");
      Objects.requireNonNull(registry, "registry");
      Objects.requireNonNull(sessions, "sessions");
      Objects.requireNonNull(delivery, "delivery");
      Objects.requireNonNull(bus, "bus");
      Objects.requireNonNull(offlineQueue, "offlineQueue");
      Objects.requireNonNull(ids, "ids");
      Objects.requireNonNull(clock, "clock");
    }
  }

  public ConnectionService(
      NodeId node,
      boolean allowGuests,
      Duration recoveryWindow,
      Ports ports,
      List<ConnectionListener> listeners) {
    this(node, allowGuests, recoveryWindow, ports, listeners, SessionOwners.NONE);
  }

  /**
   * As above, with {@code owners} telling when the node still registered as a reconnecting client's
   * owner is gone, so the session is taken over at once.
   */
  public ConnectionService(
      NodeId node,
      boolean allowGuests,
      Duration recoveryWindow,
      Ports ports,
      List<ConnectionListener> listeners,
      SessionOwners owners) {
    this(
        node,
        allowGuests,
        recoveryWindow,
        ports,
        listeners,
        owners,
        Welcome.NONE,
        DeliveryListener.NONE);
  }

  /**
   * As above, with {@code welcome} shown to each new session after {@code authenticated}, and
   * {@code handed} told of each event replayed or drained from the offline queue to a socket.
   */
  public ConnectionService(
      NodeId node,
      boolean allowGuests,
      Duration recoveryWindow,
      Ports ports,
      List<ConnectionListener> listeners,
      SessionOwners owners,
      Welcome welcome,
      DeliveryListener handed) {
    this.welcome = Objects.requireNonNull(welcome, "welcome");
    this.handed = Objects.requireNonNull(handed, "handed");
    this.owners = Objects.requireNonNull(owners, "owners");
    this.node = Objects.requireNonNull(node, "node");
    this.allowGuests = allowGuests;
    this.recoveryWindow = Objects.requireNonNull(recoveryWindow, "recoveryWindow");
    Objects.requireNonNull(ports, "ports");
    this.tokens = ports.tokens();
    this.limits = ports.limits();
    this.recovery = ports.recovery();
    this.registry = ports.registry();
    this.sessions = ports.sessions();
    this.delivery = ports.delivery();
    this.bus = ports.bus();
    this.offlineQueue = ports.offlineQueue();
    this.ids = ports.ids();
    this.clock = ports.clock();
    this.listeners = List.copyOf(listeners);
    this.live =
        new LiveRecovery(
            recovery, sessions, clock, recoveryWindow, this::keptPid, this::keptConnections);
    this.repair = new RegistryRepair(node, registry, sessions, this.listeners);
  }

  @Override
  public CompletionStage<Session> connect(ConnectCommand command) {
    Objects.requireNonNull(command, "command");
    return Stages.guard(() -> authenticate(command))
        .thenCompose(
            principal ->
                limits
                    .check(principal, command.clientAddress())
                    .thenCompose(v -> restoreOrStart(principal, command))
                    .thenCompose(start -> register(principal, command, start)));
  }

  /** The principal, reading the language PROTOCOL 10.3 resolves (token, then what it asks). */
  private CompletionStage<Principal> authenticate(ConnectCommand command) {
    if (command.token().isPresent()) {
      return Stages.completed(
          tokens.verify(command.token().get()).withPreferredLanguage(command.preferredLanguage()));
    }
    if (!allowGuests) {
      return Stages.failed(ErrorCode.AUTH_REQUIRED, "a token is required");
    }
    return Stages.completed(
        Principal.guest(command.connection()).withPreferredLanguage(command.preferredLanguage()));
  }

  /**
   * How a session starts: its socket id (a recovered session keeps its old one, as Socket.IO does),
   * its channels, pid, and the offset to replay from when recovered.
   */
  private record Start(
      ConnectionId connection,
      Set<ChannelName> channels,
      String pid,
      Optional<StreamOffset> replayFrom) {}

  private CompletionStage<Start> restoreOrStart(Principal principal, ConnectCommand command) {
    if (command.recovery().isEmpty() || principal.isGuest()) {
      return Stages.completed(fresh(principal, command));
    }
    Recovery asked = command.recovery().get();
    return recovery
        .take(asked.pid())
        .thenCompose(
            found -> {
              Optional<RecoverySession> own = found.filter(s -> s.user().equals(principal.user()));
              if (own.isEmpty()) {
                return Stages.completed(fresh(principal, command));
              }
              return registry
                  .find(own.get().connection())
                  .thenCompose(
                      holder ->
                          holder.isEmpty()
                              ? recover(own.get(), asked, principal, command)
                              : recoverFromGoneOwner(
                                  own.get(), holder.get(), asked, principal, command));
            });
  }

  /**
   * The session's connection is still registered. Its node may have died without a word, not yet
   * cleaned up (that takes the node timeout): when that node is silent the session is taken over
   * here at once (registering the connection again moves it to this node, so the later cleanup of
   * the dead node leaves it alone). A connection of this node, or of a node that still beats, is
   * live: the client starts fresh.
   */
  private CompletionStage<Start> recoverFromGoneOwner(
      RecoverySession session,
      ConnectionInfo holder,
      Recovery asked,
      Principal principal,
      ConnectCommand command) {
    if (holder.node().equals(node)) {
      return stillLive(session, principal, command);
    }
    return owners
        .gone(holder.node())
        .thenCompose(
            gone -> {
              if (!gone) {
                return stillLive(session, principal, command);
              }
              LOG.log(
                  System.Logger.Level.INFO,
                  "taking over {0} from {1}, which stopped beating",
                  holder.id(),
                  holder.node());
              return recover(session, asked, principal, command);
            });
  }

  /**
   * The session's connection is still registered (its node has not dropped it, or has died and is
   * not yet cleaned up): start fresh, and put the session back for a later reconnect.
   */
  private CompletionStage<Start> stillLive(
      RecoverySession session, Principal principal, ConnectCommand command) {
    return Stages.guard(() -> recovery.save(session, recoveryWindow))
        .handle(
            (v, e) -> {
              if (e != null) {
                LOG.log(System.Logger.Level.WARNING, "could not put a recovery session back", e);
              }
              return fresh(principal, command);
            });
  }

  private CompletionStage<Start> recover(
      RecoverySession own, Recovery asked, Principal principal, ConnectCommand command) {
    // Recovered only when the bus still holds every event since the client's offset.
    return bus.since(asked.offset())
        .thenApply(
            missed ->
                missed.isPresent()
                    ? new Start(
                        own.connection(), own.channels(), own.pid(), Optional.of(asked.offset()))
                    : fresh(principal, command));
  }

  private Start fresh(Principal principal, ConnectCommand command) {
    Set<ChannelName> channels = new LinkedHashSet<>();
    ownChannel(principal).ifPresent(channels::add);
    channels.add(ChannelName.ANNOUNCEMENTS);
    return new Start(command.connection(), channels, ids.next(), Optional.empty());
  }

  /** The user's own channel, when the user id is a valid channel id and not a guest's. */
  private static Optional<ChannelName> ownChannel(Principal principal) {
    if (principal.isGuest()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ChannelName(ChannelType.USER, principal.user().value()));
    } catch (RealtimeException e) {
      return Optional.empty();
    }
  }

  private CompletionStage<Session> register(
      Principal principal, ConnectCommand command, Start start) {
    ConnectionInfo info =
        new ConnectionInfo(
            start.connection(),
            principal.user(),
            node,
            command.transport(),
            command.clientAddress(),
            clock.now(),
            start.channels());
    // Local first: a reused connection id must not overwrite the registry's entry.
    if (sessions.find(info.id()).isPresent()) {
      return Stages.failed(ErrorCode.CONFLICT, "connection id already in use");
    }
    if (start.replayFrom().isPresent()) {
      // Before it joins its channels: live events wait until the replay is done.
      sessions.holds().hold(info.id());
    }
    if (!sessions.add(principal, info)) {
      sessions.holds().drop(info.id());
      return Stages.failed(ErrorCode.CONFLICT, "connection id already in use");
    }
    states.put(info.id(), new State(start.pid(), start.replayFrom(), false, false));
    return Stages.guard(() -> registry.register(info))
        .whenComplete(
            (v, failure) -> {
              if (failure != null) {
                sessions.remove(info.id());
                states.remove(info.id());
              }
            })
        .thenCompose(v -> notifyListeners(principal, info, true))
        .thenApply(
            v ->
                new Session(
                    info.id(),
                    principal,
                    List.copyOf(start.channels()),
                    start.pid(),
                    start.replayFrom().isPresent()));
  }

  @Override
  public CompletionStage<Void> activate(ConnectionId connection) {
    Objects.requireNonNull(connection, "connection");
    Optional<LocalSessions.LocalSession> found = sessions.find(connection);
    State state = states.get(connection);
    if (found.isEmpty() || state == null) {
      return Stages.failed(ErrorCode.NOT_FOUND, "no such connection here");
    }
    LocalSessions.LocalSession session = found.get();
    boolean keep = !session.principal().isGuest();
    if (state.activated() || !states.replace(connection, state, activated(state, keep))) {
      return Stages.done(); // activated once only
    }
    List<ConnectionId> target = List.of(connection);
    CompletionStage<Void> kept = keep ? live.save(connection) : Stages.done();
    return Stages.guard(
            () -> {
              delivery.deliver(
                  target,
                  Outbound.direct(EventKind.AUTHENTICATED.wireName(), authenticated(session)));
              // A recovered session saw the announcements made before; the replay has the rest.
              CompletionStage<Void> welcomed =
                  state.replayFrom().isPresent() ? Stages.done() : welcome(target);
              return welcomed.thenCompose(v -> replay(session, state.replayFrom(), target));
            })
        .thenCompose(v -> offlineSync(session.principal(), target))
        .thenCompose(v -> kept);
  }

  private CompletionStage<Void> welcome(List<ConnectionId> target) {
    return welcome
        .events()
        .handle(
            (events, failure) -> {
              if (failure != null) {
                LOG.log(System.Logger.Level.WARNING, "could not welcome " + target, failure);
                return null;
              }
              events.forEach(e -> delivery.deliver(target, e));
              return null;
            });
  }

  private static State activated(State s, boolean keep) {
    return new State(s.pid(), s.replayFrom(), true, keep);
  }

  /** The pid under which the session of {@code connection} is kept, or null when it is not. */
  private String keptPid(ConnectionId connection) {
    State state = states.get(connection);
    return state != null && state.kept() ? state.pid() : null;
  }

  /** The connections whose sessions are kept now. */
  private List<ConnectionId> keptConnections() {
    List<ConnectionId> kept = new ArrayList<>();
    states.forEach(
        (connection, state) -> {
          if (state.kept()) {
            kept.add(connection);
          }
        });
    return kept;
  }

  private JsonValue.JsonObject authenticated(LocalSessions.LocalSession session) {
    Principal p = session.principal();
    List<String> roles = new ArrayList<>(p.roles().size());
    for (Role role : p.roles()) {
      roles.add(role.wireName());
    }
    roles.sort(null);
    List<String> channels = new ArrayList<>(session.info().channels().size());
    for (ChannelName channel : session.info().channels()) {
      channels.add(channel.toString());
    }
    channels.sort(null);
    return JsonValue.JsonObject.builder()
        .put("user_id", p.user().value())
        .put("socket_id", session.info().id().value())
        .put("roles", JsonValue.JsonArray.ofStrings(roles))
        .put("guest", p.isGuest())
        .put("locale", p.language().tag())
        .put("server_time", IsoInstants.format(clock.now().truncatedTo(ChronoUnit.MILLIS)))
        .put("channels", JsonValue.JsonArray.ofStrings(channels))
        .build();
  }

  /**
   * The recovered session's missed channel events, in offset order; then the live events held while
   * they were read (see {@link ReplayHolds}), less those the replay carried.
   */
  private CompletionStage<Void> replay(
      LocalSessions.LocalSession session, Optional<StreamOffset> from, List<ConnectionId> target) {
    if (from.isEmpty()) {
      return Stages.done();
    }
    Set<ChannelName> channels = session.info().channels();
    Set<StreamOffset> replayed = new HashSet<>();
    return Stages.guard(() -> bus.since(from.get()))
        .thenAccept(
            missed -> {
              if (missed.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "recovery offset too old: nothing replayed");
                return;
              }
              for (BusRecord record : missed.get()) {
                // Commands on the bus are not channel events: nothing of them is replayed.
                Optional<Event> published = record.event();
                if (published.isEmpty()) {
                  continue;
                }
                Event event = published.get();
                if (concerns(event, channels) && !DeliveryShape.isVolatile(event)) {
                  if (delivery.deliver(
                          target, DeliveryShape.outbound(event, Optional.of(record.offset())))
                      > 0) {
                    handed.handed(event);
                  }
                  replayed.add(record.offset());
                }
              }
            })
        .whenComplete((v, failure) -> releaseHeld(session.info().id(), replayed));
  }

  private void releaseHeld(ConnectionId connection, Set<StreamOffset> replayed) {
    if (sessions.holds().release(connection, replayed, delivery)
        == ReplayHolds.Released.OVERFLOWED) {
      // Its session is still kept: reconnecting, the client recovers from what it got.
      LOG.log(
          System.Logger.Level.WARNING,
          "too many live events during the replay of {0}: asked to reconnect",
          connection);
      delivery.disconnect(connection, "recovery overflow");
    }
  }

  private static boolean concerns(Event event, Set<ChannelName> channels) {
    return channels.contains(event.channel())
        || event.recipients().stream().anyMatch(channels::contains);
  }

  /** The user's offline queue, then {@code offline_sync}; guests have no queue. */
  private CompletionStage<Void> offlineSync(Principal principal, List<ConnectionId> target) {
    if (principal.isGuest()) {
      return Stages.done();
    }
    return offlineQueue
        .drain(principal.user(), clock.now())
        .thenCompose(
            events -> {
              int delivered = 0;
              List<CompletableFuture<Void>> requeued = new ArrayList<>();
              for (Event event : events) {
                if (delivery.deliver(target, DeliveryShape.outbound(event, Optional.empty())) > 0) {
                  delivered++;
                  handed.handed(event);
                } else {
                  // The socket went away meanwhile: keep the event for the next connection.
                  requeued.add(offlineQueue.enqueue(principal.user(), event).toCompletableFuture());
                }
              }
              delivery.deliver(
                  target,
                  Outbound.direct(
                      EventKind.OFFLINE_SYNC.wireName(),
                      JsonValue.JsonObject.builder().put("delivered", delivered).build()));
              return CompletableFuture.allOf(requeued.toArray(CompletableFuture[]::new));
            });
  }

  @Override
  public CompletionStage<Void> disconnect(DisconnectCommand command) {
    Objects.requireNonNull(command, "command");
    disconnecting.incrementAndGet();
    CompletionStage<Void> done = Stages.guard(() -> forgetConnection(command));
    done.whenComplete((v, failure) -> disconnecting.decrementAndGet());
    return done;
  }

  /**
   * How many disconnects have not finished their cluster work yet (unregistering, listeners, the
   * recovery session): a stopping node waits for them before it closes its stores.
   */
  public int disconnectsInFlight() {
    return disconnecting.get();
  }

  private CompletionStage<Void> forgetConnection(DisconnectCommand command) {
    Optional<LocalSessions.LocalSession> removed = sessions.remove(command.connection());
    State state = states.remove(command.connection()); // the session is no longer kept live
    // Redis away: the socket is gone all the same; the registry forgets it once Redis is back.
    CompletionStage<Void> unregistered =
        Stages.guard(() -> registry.unregister(command.connection()))
            .handle(
                (v, failure) -> {
                  if (failure != null) {
                    repair.unregisterFailed(command.connection());
                    LOG.log(
                        System.Logger.Level.WARNING,
                        "could not unregister {0} now; retried later: {1}",
                        command.connection(),
                        failure.toString());
                  }
                  return null;
                });
    if (removed.isEmpty()) {
      return unregistered;
    }
    LocalSessions.LocalSession session = removed.get();
    return unregistered
        .thenCompose(v -> notifyListeners(session.principal(), session.info(), false))
        .thenCompose(
            v ->
                command.recoverable() && state != null && !session.principal().isGuest()
                    ? recovery.save(
                        new RecoverySession(
                            state.pid(),
                            session.info().id(),
                            session.principal().user(),
                            session.info().channels(),
                            clock.now()),
                        recoveryWindow)
                    : forget(state, session.principal()))
        .exceptionally(
            failure -> {
              // Redis away: the session saved while the socket lived is what remains of it.
              LOG.log(
                  System.Logger.Level.WARNING,
                  "could not keep or drop the recovery session of {0}: {1}",
                  command.connection(),
                  failure.toString());
              return null;
            });
  }

  /**
   * Unregisters the closed connections whose unregister failed (Redis was away), unless their id
   * lives again; the host calls it every few seconds. Completes with how many left the registry;
   * never fails.
   */
  public CompletionStage<Integer> repairRegistry() {
    return repair.retry();
  }

  /** Closed connections of this node still waiting to leave the registry. */
  public int unregistersPending() {
    return repair.pending();
  }

  /**
   * After the cluster state forgot this node's connections (Redis restarted empty, or this node was
   * taken for dead and cleaned up): registers each again with its channels, lets the listeners
   * restore theirs (presence), and saves every recovery session again. Completes with how many
   * connections were registered; never fails.
   */
  public CompletionStage<Integer> restoreRegistrations() {
    return repair.restore().thenCompose(n -> live.refresh().thenApply(saved -> n));
  }

  /** Drops the session kept while the connection lived: it must not be recovered. */
  private CompletionStage<Void> forget(State state, Principal principal) {
    return state == null || principal.isGuest()
        ? Stages.done()
        : recovery.take(state.pid()).thenApply(s -> null);
  }

  /**
   * Saves the recovery session of every live connection of this node again, so none expires while
   * its connection lives; the host calls it every third of the recovery window (the core owns no
   * threads). Completes with how many sessions were saved; never fails.
   */
  public CompletionStage<Integer> refreshRecoverySessions() {
    return live.refresh();
  }

  /**
   * Saves the connection's recovery session with its current channels, so that a crash of this node
   * never leaves stale channels behind; called after a join or a leave. Never fails.
   */
  public CompletionStage<Void> channelsChanged(ConnectionId connection) {
    Objects.requireNonNull(connection, "connection");
    return live.save(connection);
  }

  /** Tells every listener; a failing listener is logged and never fails the connection. */
  private CompletionStage<Void> notifyListeners(
      Principal principal, ConnectionInfo info, boolean connected) {
    List<CompletableFuture<Void>> all = new ArrayList<>(listeners.size());
    for (ConnectionListener listener : listeners) {
      all.add(
          Stages.guard(
                  () ->
                      connected
                          ? listener.connected(principal, info)
                          : listener.disconnected(principal, info))
              .exceptionally(
                  e -> {
                    LOG.log(System.Logger.Level.WARNING, "a connection listener failed", e);
                    return null;
                  })
              .toCompletableFuture());
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }
}
