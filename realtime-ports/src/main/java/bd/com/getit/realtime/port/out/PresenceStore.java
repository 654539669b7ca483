package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.presence.DevicePresence;
import bd.com.getit.realtime.domain.presence.OnlineUsers;
import bd.com.getit.realtime.domain.presence.Place;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Per-device presence and last-seen times, shared by the cluster, and the online counts by place.
 * The core aggregates devices into a user's presence and tells the store where to count the user
 * ({@link #place}); the store keeps the counts as that changes, so reading them ({@link #counts})
 * never visits the devices. Thread-safe; returns at once, completes later.
 */
public interface PresenceStore {

  /** Sets the presence of one device of {@code user}, replacing what that device had. */
  CompletionStage<Void> put(UserId user, DevicePresence device);

  /**
   * Removes one device of {@code user}; when it was the last, records {@code lastSeen} and stops
   * counting the user ({@link #place}). Completes with the devices that remain. Removing an unknown
   * device is harmless.
   */
  CompletionStage<List<DevicePresence>> remove(UserId user, ConnectionId device, Instant lastSeen);

  CompletionStage<List<DevicePresence>> devices(UserId user);

  /** When the user's last device went away; empty while online or if never seen. */
  CompletionStage<Optional<Instant>> lastSeen(UserId user);

  /** Every user with at least one device, with the devices. */
  CompletionStage<Map<UserId, List<DevicePresence>>> online();

  /**
   * Counts {@code user} under {@code place}, instead of wherever they were counted, or no longer
   * when empty. A user with no device is never counted: placing them is the same as empty. Atomic
   * per user across the cluster (each user is counted at most once), idempotent.
   */
  CompletionStage<Void> place(UserId user, Optional<Place> place);

  /**
   * The users counted, in total, by {@link Place#division()} and by {@link Place#districtKey()}, as
   * kept by {@link #place} and {@link #remove}: one read of the counts, whatever the number of
   * users.
   */
  CompletionStage<OnlineUsers> counts();
}
