package bd.com.getit.realtime.core.routing;

import bd.com.getit.realtime.core.ChannelEviction;
import bd.com.getit.realtime.core.DeliveryListener;
import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.core.Subscriptions;
import bd.com.getit.realtime.core.admin.DeliveryMeter;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ChannelType;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.cluster.BusRecord;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import bd.com.getit.realtime.port.out.ClusterBus;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.port.out.LocalDelivery;
import bd.com.getit.realtime.port.out.OfflineQueue;
import java.time.Duration;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * The cluster-wide fanout. A publish goes on the cluster bus, then to this node's subscribers of
 * the event's channel and of its recipients' channels (one {@code Outbound} per event), then, for
 * at-least-once events, into the offline queue of each addressed user with no live connection
 * anywhere: only the origin node queues. Other nodes' events arrive through the bus subscription
 * opened by {@link #start()} and are delivered locally the same way, never queued. Local deliveries
 * happen in the order of the publish calls (the bus's offset order), whatever order the bus
 * completes them in. What a bus record does depends on its message type alone: a {@link
 * ClusterMessage.PublishedEvent} is delivered (whatever its name or channel, it can do nothing
 * else), a {@link ClusterMessage.DisconnectCommand} closes the named socket if it is on this node,
 * a {@link ClusterMessage.LeaveChannelCommand} takes the user's sockets here out of the channel.
 * Thread-safe.
 */
public final class EventRouter implements Fanout, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(EventRouter.class.getName());

  private final NodeId node;
  private final ClusterBus bus;
  private final Subscriptions subscriptions;
  private final LocalDelivery delivery;
  private final ConnectionRegistry registry;
  private final OfflineQueue offlineQueue;
  private final EventLog eventLog;
  private final DeliveryMeter meter;
  private final Duration offlineTtl;
  private final DeliveryListener handed;
  private final Sequencer sequencer = new Sequencer();
  private final AtomicReference<ClusterBus.Subscription> subscription = new AtomicReference<>();
  private final AtomicReference<ChannelEviction> evictions = new AtomicReference<>();

  /**
   * @param offlineTtl the TTL given to a queued event that has none
   */
  public EventRouter(
      NodeId node,
      ClusterBus bus,
      Subscriptions subscriptions,
      LocalDelivery delivery,
      ConnectionRegistry registry,
      OfflineQueue offlineQueue,
      EventLog eventLog,
      DeliveryMeter meter,
      Duration offlineTtl) {
    this(
        node,
        bus,
        subscriptions,
        delivery,
        registry,
        offlineQueue,
        eventLog,
        meter,
        offlineTtl,
        DeliveryListener.NONE);
  }

  /**
   * As above, with {@code handed} told of each event handed to at least one socket of this node.
   */
  public EventRouter(
      NodeId node,
      ClusterBus bus,
      Subscriptions subscriptions,
      LocalDelivery delivery,
      ConnectionRegistry registry,
      OfflineQueue offlineQueue,
      EventLog eventLog,
      DeliveryMeter meter,
      Duration offlineTtl,
      DeliveryListener handed) {
    this.handed = Objects.requireNonNull(handed, "handed");
    this.node = Objects.requireNonNull(node, "node");
    this.bus = Objects.requireNonNull(bus, "bus");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.offlineQueue = Objects.requireNonNull(offlineQueue, "offlineQueue");
    this.eventLog = Objects.requireNonNull(eventLog, "eventLog");
    this.meter = Objects.requireNonNull(meter, "meter");
    this.offlineTtl = Objects.requireNonNull(offlineTtl, "offlineTtl");
  }

  /** Starts delivering other nodes' events to this node's sockets; a second call does nothing. */
  public void start() {
    synchronized (subscription) {
      if (subscription.get() == null) {
        subscription.set(bus.subscribe(node, this::onRemote));
      }
    }
  }

  /**
   * What carries out other nodes' {@link ClusterMessage.LeaveChannelCommand}s on this node: set
   * once by the assembly, whose channel service is built after this router; until then they are
   * logged and dropped.
   */
  public void evictLocallyWith(ChannelEviction local) {
    Objects.requireNonNull(local, "local");
    if (!evictions.compareAndSet(null, local)) {
      throw new IllegalStateException("the local eviction is already set");
    }
  }

  /** Stops receiving other nodes' events; harmless when not started or already closed. */
  @Override
  public void close() {
    ClusterBus.Subscription s = subscription.getAndSet(null);
    if (s != null) {
      s.close();
    }
  }

  @Override
  public CompletionStage<StreamOffset> publish(Event event, Optional<ConnectionId> except) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(except, "except");
    CompletionStage<Boolean> recorded = event.persist() ? record(event) : null;
    long ticket;
    CompletionStage<StreamOffset> published;
    synchronized (sequencer) {
      // The ticket and the bus call go together so that tickets follow the bus's offsets.
      ticket = sequencer.issue();
      published = Stages.guard(() -> bus.publish(node, new ClusterMessage.PublishedEvent(event)));
    }
    CompletableFuture<StreamOffset> delivered = new CompletableFuture<>();
    BiConsumer<StreamOffset, Throwable> inOrder =
        (offset, failure) ->
            sequencer.complete(
                ticket,
                () -> {
                  if (failure != null) {
                    delivered.completeExceptionally(failure);
                    return;
                  }
                  try {
                    deliverHere(event, offset, except, recorded);
                  } finally {
                    delivered.complete(offset);
                  }
                });
    if (Stages.succeeded(published)) {
      inOrder.accept(published.toCompletableFuture().join(), null); // no dependent stage
    } else {
      published.whenComplete(inOrder);
    }
    // With an in-memory bus all of this has usually happened by now, on this thread.
    return Stages.thenCompose(
        delivered, offset -> Stages.thenApply(enqueueOffline(event), v -> offset));
  }

  /** A message of another node, on the bus's thread: an event delivered here, never queued. */
  void onRemote(BusRecord record) {
    try {
      if (record.origin().equals(node)) {
        return; // a bus must not echo our own messages; if it does, they were handled already
      }
      ClusterMessage message = record.message();
      if (message instanceof ClusterMessage.PublishedEvent published) {
        Event event = published.event();
        deliverHere(
            event,
            record.offset(),
            Optional.empty(),
            event.persist() ? CompletableFuture.completedFuture(true) : null);
      } else if (message instanceof ClusterMessage.DisconnectCommand command) {
        disconnectHere(command);
      } else if (message instanceof ClusterMessage.LeaveChannelCommand command) {
        leaveHere(command);
      } else {
        throw new IllegalStateException("unknown cluster message " + message.getClass());
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not handle a bus message", e);
    }
  }

  /** Closes the commanded socket if this node holds it; other nodes' sockets are theirs. */
  private void disconnectHere(ClusterMessage.DisconnectCommand command) {
    if (subscriptions.principalOf(command.connection()).isPresent()) {
      delivery.disconnect(command.connection(), "admin disconnect");
    }
  }

  private void leaveHere(ClusterMessage.LeaveChannelCommand command) {
    ChannelEviction local = evictions.get();
    if (local == null) {
      LOG.log(System.Logger.Level.WARNING, "no local eviction set: a leave command is dropped");
      return;
    }
    Stages.guard(() -> local.evict(command.user(), command.channel()))
        .exceptionally(e -> logged("could not evict " + command.user(), e));
  }

  /** This node's subscribers of the event's channel and recipients, less {@code except}. */
  Collection<ConnectionId> targets(Event event, Optional<ConnectionId> except) {
    Set<ConnectionId> channel = subscriptions.subscribers(event.channel());
    if (event.recipients().isEmpty()) {
      // The fanout hot path: the channel's snapshot itself, shared by every publish until its
      // members change, so nothing is copied or allocated per subscriber.
      if (except.isPresent() && channel.contains(except.get())) {
        return new AllBut(channel, except.get());
      }
      return channel;
    }
    List<ConnectionId> few = fewTargets(channel, event.recipients());
    if (few != null) {
      except.ifPresent(few::remove);
      return few;
    }
    Set<ConnectionId> targets = new HashSet<>(channel);
    for (ChannelName recipient : event.recipients()) {
      targets.addAll(subscriptions.subscribers(recipient));
    }
    except.ifPresent(targets::remove);
    return targets;
  }

  /** Up to this many targets, duplicates are found by a scan of a list rather than a hash set. */
  private static final int FEW_TARGETS = 16;

  /**
   * The channel's and the recipients' subscribers without duplicates, when they are few (a chat
   * message: the room's two sockets and the recipients' user channels): a list scanned for
   * duplicates costs less than a hash set with its table and a node per target; null past {@link
   * #FEW_TARGETS}.
   */
  private List<ConnectionId> fewTargets(Set<ConnectionId> channel, List<ChannelName> recipients) {
    if (channel.size() > FEW_TARGETS) {
      return null;
    }
    List<ConnectionId> targets = new ArrayList<>(channel.size() + 2);
    targets.addAll(channel);
    for (ChannelName recipient : recipients) {
      for (ConnectionId connection : subscriptions.subscribers(recipient)) {
        if (!targets.contains(connection)) {
          if (targets.size() >= FEW_TARGETS) {
            return null;
          }
          targets.add(connection);
        }
      }
    }
    return targets;
  }

  private void deliverHere(
      Event event,
      StreamOffset offset,
      Optional<ConnectionId> except,
      CompletionStage<Boolean> recorded) {
    Collection<ConnectionId> subscribed = targets(event, except);
    if (subscribed.isEmpty()) {
      return;
    }
    Outbound outbound = DeliveryShape.outbound(event, Optional.of(offset));
    Collection<ConnectionId> targets = subscriptions.divertHeld(subscribed, outbound);
    int accepted = delivery.deliver(targets, outbound);
    meter.recordPublishedAt(accepted, event.timestamp());
    if (accepted > 0) {
      handed.handed(event);
    }
    if (recorded != null) {
      int failed = Math.max(0, targets.size() - accepted);
      recorded
          .thenCompose(
              ok -> ok ? eventLog.countDeliveries(event.id(), accepted, failed) : Stages.done())
          .exceptionally(e -> logged("could not count deliveries of " + event.id(), e));
    }
  }

  private CompletionStage<Boolean> record(Event event) {
    return Stages.guard(() -> eventLog.record(event))
        .thenApply(v -> true)
        .exceptionally(
            e -> {
              logged("could not record event " + event.id(), e);
              return false;
            });
  }

  private CompletionStage<Void> enqueueOffline(Event event) {
    if (!DeliveryShape.isAtLeastOnce(event)) {
      return Stages.done();
    }
    Event queued = event.ttl().isZero() ? event.withTtl(offlineTtl) : event;
    List<CompletableFuture<Void>> pending = null;
    List<ChannelName> recipients = event.recipients();
    if (recipients.size() > SCAN_RECIPIENTS) {
      // Many recipients (a notification to a list of users, up to 1,000): a set, for the scan's
      // comparisons would grow with the square of the list.
      for (UserId user : addressedUsers(event)) {
        pending = enqueueIfOffline(user, queued, pending);
      }
    } else {
      // The event's channel, then its few recipients, with a scan for repeats: no set of users
      // per message.
      for (int i = -1; i < recipients.size(); i++) {
        ChannelName channel = i < 0 ? event.channel() : recipients.get(i);
        if (channel.type() == ChannelType.USER && !addressedBefore(event, i, channel)) {
          pending = enqueueIfOffline(UserId.of(channel.id()), queued, pending);
        }
      }
    }
    return pending == null
        ? Stages.done()
        : CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
  }

  /** Up to this many recipients, repeats are found by a scan rather than a set. */
  private static final int SCAN_RECIPIENTS = 8;

  /**
   * Queues {@code queued} for {@code user} unless the user is online; adds the stage to {@code
   * pending} (made on first need, and returned) when the stores did not answer at once.
   */
  private List<CompletableFuture<Void>> enqueueIfOffline(
      UserId user, Event queued, List<CompletableFuture<Void>> pending) {
    CompletionStage<Boolean> online;
    try { // Stages.guard without its lambda per user
      online = Objects.requireNonNull(registry.isOnline(user), "the registry returned no stage");
    } catch (RuntimeException e) {
      online = CompletableFuture.failedFuture(e);
    }
    if (Stages.succeeded(online) && Boolean.TRUE.equals(Stages.valueOf(online))) {
      return pending; // the usual case: the user is online and the registry answered at once
    }
    CompletionStage<Void> one =
        Stages.thenCompose(
            online, live -> live ? Stages.done() : offlineQueue.enqueue(user, queued));
    if (Stages.succeeded(one)) {
      return pending;
    }
    List<CompletableFuture<Void>> waiting = pending == null ? new ArrayList<>() : pending;
    waiting.add(one.toCompletableFuture());
    return waiting;
  }

  /**
   * Whether {@code channel}, at {@code index} of the recipients (-1: the event's channel), came
   * before.
   */
  private static boolean addressedBefore(Event event, int index, ChannelName channel) {
    if (index < 0) {
      return false;
    }
    if (event.channel().equals(channel)) {
      return true;
    }
    List<ChannelName> recipients = event.recipients();
    for (int j = 0; j < index; j++) {
      if (recipients.get(j).equals(channel)) {
        return true;
      }
    }
    return false;
  }

  /** The users the event is addressed to: its user channel and its user recipients. */
  static Set<UserId> addressedUsers(Event event) {
    Set<UserId> users = new LinkedHashSet<>();
    addUser(event.channel(), users);
    event.recipients().forEach(r -> addUser(r, users));
    return users;
  }

  private static void addUser(ChannelName channel, Set<UserId> users) {
    if (channel.type() == ChannelType.USER) {
      users.add(UserId.of(channel.id()));
    }
  }

  private static Void logged(String what, Throwable e) {
    LOG.log(System.Logger.Level.WARNING, what, e);
    return null;
  }

  /** A view of a set of targets without one of its members: no copy of a large channel. */
  static final class AllBut extends AbstractCollection<ConnectionId> {
    private final Set<ConnectionId> all;
    private final ConnectionId left;

    /** {@code left} must be in {@code all}, which must not change. */
    AllBut(Set<ConnectionId> all, ConnectionId left) {
      this.all = all;
      this.left = left;
    }

    @Override
    public Iterator<ConnectionId> iterator() {
      Iterator<ConnectionId> each = all.iterator();
      return new Iterator<>() {
        private ConnectionId next = advance();

        private ConnectionId advance() {
          while (each.hasNext()) {
            ConnectionId candidate = each.next();
            if (!candidate.equals(left)) {
              return candidate;
            }
          }
          return null;
        }

        @Override
        public boolean hasNext() {
          return next != null;
        }

        @Override
        public ConnectionId next() {
          if (next == null) {
            throw new NoSuchElementException();
          }
          ConnectionId current = next;
          next = advance();
          return current;
        }
      };
    }

    @Override
    public int size() {
      return all.size() - 1;
    }
  }

  /**
   * Runs the delivery of each publish in ticket order: a publish whose bus call completes early
   * waits for those issued before it. One thread drains at a time, outside the lock.
   */
  private static final class Sequencer {
    private final Map<Long, Runnable> ready = new HashMap<>();
    private long next;
    private long due;
    private boolean draining;

    /** Callers hold this object's monitor. */
    long issue() {
      return next++;
    }

    void complete(long ticket, Runnable action) {
      Runnable first = null;
      synchronized (this) {
        if (draining || ticket != due) {
          // Another thread drains, or earlier tickets are still out: whoever drains runs it.
          ready.put(ticket, action);
          if (draining) {
            return;
          }
        } else {
          first = action; // in order, the usual case: run it without the map
          due++;
        }
        draining = true;
      }
      if (first != null) {
        try {
          first.run();
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "delivery failed", e);
        }
      }
      while (true) {
        Runnable run;
        synchronized (this) {
          run = ready.remove(due);
          if (run == null) {
            draining = false;
            return;
          }
          due++;
        }
        try {
          run.run();
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "delivery failed", e);
        }
      }
    }
  }
}
