package bd.com.getit.realtime.core.session;

import bd.com.getit.realtime.domain.ConnectionId;
import java.util.HashSet;
import java.util.Set;

/**
 * One channel's local subscribers: the set that joins and leaves change, and an immutable snapshot
 * of it that fanouts iterate. A fanout to a channel of 5,000 members used to copy the member set on
 * every publish; now the snapshot is built on the first read after a change and shared by every
 * publish until the next join or leave, so a steady channel costs no copy per publish and a burst
 * of joins costs one copy, not one per join.
 *
 * <p>Most channels have one local member (every socket joins its user's channel): such a channel
 * keeps only its one-element snapshot, no mutable set, so an idle socket's channel costs a few
 * dozen bytes. The mutable set exists while there are two members or more. Thread-safe: changes and
 * rebuilds hold this object's monitor, reads of a current snapshot take no lock.
 */
final class ChannelMembers {

  /** The members while there are two or more; null while there is one or none. */
  private Set<ConnectionId> members; // guarded by this

  /**
   * The members as of the last change, immutable; null once they have changed since (only while
   * {@link #members} is in use: with one member or none it is always set).
   */
  private volatile Set<ConnectionId> snapshot;

  ChannelMembers(ConnectionId first) {
    this.snapshot = Set.of(first);
  }

  /** Adds {@code connection}; true when it was not a member. */
  synchronized boolean add(ConnectionId connection) {
    if (members == null) {
      Set<ConnectionId> few = snapshot; // one member or none
      if (few.contains(connection)) {
        return false;
      }
      if (few.isEmpty()) {
        snapshot = Set.of(connection);
        return true;
      }
      members = new HashSet<>(few);
    }
    if (!members.add(connection)) {
      return false;
    }
    snapshot = null;
    return true;
  }

  /** Removes {@code connection}; true when it was a member. */
  synchronized boolean remove(ConnectionId connection) {
    if (members == null) {
      if (!snapshot.contains(connection)) {
        return false;
      }
      snapshot = Set.of();
      return true;
    }
    if (!members.remove(connection)) {
      return false;
    }
    if (members.size() == 1) {
      snapshot = Set.copyOf(members); // back to the small form
      members = null;
    } else {
      snapshot = null;
    }
    return true;
  }

  synchronized boolean isEmpty() {
    return members == null ? snapshot.isEmpty() : members.isEmpty();
  }

  boolean contains(ConnectionId connection) {
    Set<ConnectionId> current = snapshot;
    if (current != null) {
      return current.contains(connection);
    }
    synchronized (this) {
      return members != null ? members.contains(connection) : snapshot.contains(connection);
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
