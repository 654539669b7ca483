package bd.com.getit.realtime.core.session;

import bd.com.getit.realtime.domain.ConnectionId;
import java.util.HashSet;
import java.util.Set;

/**
 * One channel's local subscribers: the set that joins and leaves change, and an immutable snapshot
 * of it that fanouts iterate. A fanout to a channel of 5,000 members used to copy the member set on
 * every publish; now the snapshot is built on the first read after a change and shared by every
 * publish until the next join or leave, so a steady channel costs no copy per publish and a burst
 * of joins costs one copy, not one per join. Thread-safe: changes and rebuilds hold this object's
 * monitor, reads of a current snapshot take no lock.
 */
final class ChannelMembers {
  private final Set<ConnectionId> members = new HashSet<>();

  /** The members as of the last change; null once they have changed since. */
  private volatile Set<ConnectionId> snapshot;

  /** Adds {@code connection}; true when it was not a member. */
  synchronized boolean add(ConnectionId connection) {
    if (!members.add(connection)) {
      return false;
    }
    snapshot = null;
    return true;
  }

  /** Removes {@code connection}; true when it was a member. */
  synchronized boolean remove(ConnectionId connection) {
    if (!members.remove(connection)) {
      return false;
    }
    snapshot = null;
    return true;
  }

  synchronized boolean isEmpty() {
    return members.isEmpty();
  }

  boolean contains(ConnectionId connection) {
    Set<ConnectionId> current = snapshot;
    if (current != null) {
      return current.contains(connection);
    }
    synchronized (this) {
      return members.contains(connection);
    }
  }

  /**
   * The members now, as an immutable set that stays valid (and unchanged) after later joins and
   * leaves; the same object for every call until the members change.
   */
  Set<ConnectionId> snapshot() {
    Set<ConnectionId> current = snapshot;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (snapshot == null) {
        snapshot = Set.copyOf(members);
      }
      return snapshot;
    }
  }
}
