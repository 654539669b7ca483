package bd.com.getit.realtime.core.session;

import bd.com.getit.realtime.core.Subscriptions;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * This node's sessions (connection to principal, connection info and joined channels) and the
 * channel index (channel to local connections). Thread-safe: each session's channel changes run
 * under that session's lock and each index entry changes atomically, so concurrent joins, leaves
 * and disconnects never leave an index entry behind; empty index sets are removed.
 *
 * <p>Memory, kept small because an idle socket holds it for hours: a session's channels are the
 * immutable set of its {@link ConnectionInfo}, replaced on each join and leave (rare next to the
 * reads, and bounded by the channel limit); a channel with one local subscriber (a user's own
 * channel, usually) is indexed by an immutable one-element set, and by a concurrent set from its
 * second subscriber on.
 */
public final class LocalSessions implements Subscriptions {

  /** Live events one connection may have held while it replays (see {@link ReplayHolds}). */
  static final int MAX_HELD_PER_CONNECTION = 10_000;

  /** Longer than this node's bus reader lags behind the bus, even under load. */
  static final Duration REPLAY_GRACE = Duration.ofSeconds(30);

  /** What a join did. */
  public enum JoinOutcome {
    JOINED,
    ALREADY_JOINED,
    LIMIT_REACHED,
    UNKNOWN_CONNECTION
  }

  /** A snapshot of one session. */
  public record LocalSession(Principal principal, ConnectionInfo info) {
    public LocalSession {
      Objects.requireNonNull(principal, "principal");
      Objects.requireNonNull(info, "info");
    }
  }

  private final ConcurrentMap<ConnectionId, Entry> sessions = new ConcurrentHashMap<>();
  private final ConcurrentMap<ChannelName, ChannelMembers> index = new ConcurrentHashMap<>();
  private volatile Consumer<ChannelName> lastLeft = channel -> {};
  private final ReplayHolds holds =
      new ReplayHolds(MAX_HELD_PER_CONNECTION, REPLAY_GRACE, System::nanoTime);

  /**
   * Adds a session with the channels of {@code info} joined.
   *
   * @return false (and nothing changes) when the connection is already known
   */
  public boolean add(Principal principal, ConnectionInfo info) {
    Entry entry = new Entry(principal, info);
    synchronized (entry) {
      if (sessions.putIfAbsent(info.id(), entry) != null) {
        return false;
      }
      for (ChannelName channel : info.channels()) {
        addToIndex(channel, info.id());
      }
      return true;
    }
  }

  /** Joins {@code channel} unless the session already holds {@code max} channels. */
  public JoinOutcome join(ConnectionId connection, ChannelName channel, int max) {
    Entry entry = sessions.get(connection);
    if (entry == null) {
      return JoinOutcome.UNKNOWN_CONNECTION;
    }
    synchronized (entry) {
      if (entry.closed) {
        return JoinOutcome.UNKNOWN_CONNECTION;
      }
      Set<ChannelName> channels = entry.info.channels();
      if (channels.contains(channel)) {
        return JoinOutcome.ALREADY_JOINED;
      }
      if (channels.size() >= max) {
        return JoinOutcome.LIMIT_REACHED;
      }
      Set<ChannelName> joined = new HashSet<>(channels);
      joined.add(channel);
      entry.info = entry.info.withChannels(joined);
      addToIndex(channel, connection);
      return JoinOutcome.JOINED;
    }
  }

  /** Leaves {@code channel}; true when the session had joined it. */
  public boolean leave(ConnectionId connection, ChannelName channel) {
    Entry entry = sessions.get(connection);
    if (entry == null) {
      return false;
    }
    synchronized (entry) {
      if (entry.closed || !entry.info.channels().contains(channel)) {
        return false;
      }
      Set<ChannelName> kept = new HashSet<>(entry.info.channels());
      kept.remove(channel);
      entry.info = entry.info.withChannels(kept);
      removeFromIndex(channel, connection);
      return true;
    }
  }

  /** Removes the session and all its index entries; completes with its last state. */
  public Optional<LocalSession> remove(ConnectionId connection) {
    holds.drop(connection);
    Entry entry = sessions.remove(connection);
    if (entry == null) {
      return Optional.empty();
    }
    synchronized (entry) {
      entry.closed = true;
      for (ChannelName channel : entry.info.channels()) {
        removeFromIndex(channel, connection);
      }
      return Optional.of(new LocalSession(entry.principal, entry.info));
    }
  }

  /** The live events held back from connections replaying a recovered session. */
  public ReplayHolds holds() {
    return holds;
  }

  @Override
  public Collection<ConnectionId> divertHeld(Collection<ConnectionId> targets, Outbound outbound) {
    return holds.divert(targets, outbound);
  }

  /** Every session with its current channels, at one moment (sessions may come and go). */
  public List<LocalSession> snapshot() {
    List<LocalSession> all = new ArrayList<>(sessions.size());
    for (ConnectionId connection : sessions.keySet()) {
      find(connection).ifPresent(all::add);
    }
    return all;
  }

  /**
   * The session with its current channels: its info is immutable and replaced on each change, so
   * reading it copies nothing (a connect reads its session a few times).
   */
  public Optional<LocalSession> find(ConnectionId connection) {
    Entry entry = sessions.get(connection);
    if (entry == null) {
      return Optional.empty();
    }
    synchronized (entry) {
      if (entry.closed) {
        return Optional.empty();
      }
      return Optional.of(new LocalSession(entry.principal, entry.info));
    }
  }

  /** The session's channels (a snapshot); empty for an unknown connection. */
  public Set<ChannelName> channelsOf(ConnectionId connection) {
    return find(connection).map(s -> s.info().channels()).orElse(Set.of());
  }

  /** How many local sessions there are. */
  public int size() {
    return sessions.size();
  }

  /** Whether {@code channel} has at least one local subscriber now. */
  public boolean hasSubscribers(ChannelName channel) {
    return index.containsKey(channel);
  }

  /**
   * Tells {@code listener} of each channel whose last local subscriber leaves (or disconnects),
   * before {@link #hasSubscribers} answers false for it, so that a reader of both never misses a
   * subscriber that just left. It runs under the index's lock for the channel: it must be short,
   * never block and never call back here. One listener; a second replaces the first.
   */
  public void onLastLeft(Consumer<ChannelName> listener) {
    this.lastLeft = Objects.requireNonNull(listener, "listener");
  }

  /** How many channels have at least one local subscriber (the index size). */
  public int indexedChannels() {
    return index.size();
  }

  @Override
  public boolean isSubscribed(ConnectionId connection, ChannelName channel) {
    ChannelMembers subscribers = index.get(channel);
    return subscribers != null && subscribers.contains(connection);
  }

  @Override
  public Optional<Principal> principalOf(ConnectionId connection) {
    Entry entry = sessions.get(connection);
    return entry == null ? Optional.empty() : Optional.of(entry.principal);
  }

  /**
   * An O(1) lookup: an immutable snapshot of the subscribers, the same object for every call until
   * the next join or leave of the channel (no copy per publish).
   */
  @Override
  public Set<ConnectionId> subscribers(ChannelName channel) {
    ChannelMembers subscribers = index.get(channel);
    return subscribers == null ? Set.of() : subscribers.snapshot();
  }

  private void addToIndex(ChannelName channel, ConnectionId connection) {
    index.compute(
        channel,
        (key, members) -> {
          if (members == null) {
            return new ChannelMembers(connection);
          }
          members.add(connection);
          return members;
        });
  }

  private void removeFromIndex(ChannelName channel, ConnectionId connection) {
    index.computeIfPresent(
        channel,
        (key, members) -> {
          members.remove(connection);
          if (!members.isEmpty()) {
            return members;
          }
          lastLeft.accept(key);
          return null;
        });
  }

  /** One session's mutable state, guarded by its own monitor. */
  private static final class Entry {
    final Principal principal;
    ConnectionInfo info; // with the channels joined now; replaced on each join and leave
    boolean closed;

    Entry(Principal principal, ConnectionInfo info) {
      this.principal = Objects.requireNonNull(principal, "principal");
      this.info = Objects.requireNonNull(info, "info");
    }
  }
}
