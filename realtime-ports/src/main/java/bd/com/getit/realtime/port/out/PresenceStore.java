package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.presence.DevicePresence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Per-device presence and last-seen times, shared by the cluster. The core aggregates devices into
 * a user's presence. Thread-safe; returns at once, completes later.
 */
public interface PresenceStore {

  /** Sets the presence of one device of {@code user}, replacing what that device had. */
  CompletionStage<Void> put(UserId user, DevicePresence device);

  /**
   * Removes one device of {@code user}; when it was the last, records {@code lastSeen}. Completes
   * with the devices that remain. Removing an unknown device is harmless.
   */
  CompletionStage<List<DevicePresence>> remove(UserId user, ConnectionId device, Instant lastSeen);

  CompletionStage<List<DevicePresence>> devices(UserId user);

  /** When the user's last device went away; empty while online or if never seen. */
  CompletionStage<Optional<Instant>> lastSeen(UserId user);

  /** Every user with at least one device, with the devices. */
  CompletionStage<Map<UserId, List<DevicePresence>>> online();
}
