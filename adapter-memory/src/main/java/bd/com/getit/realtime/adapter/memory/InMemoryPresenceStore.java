package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.presence.DevicePresence;
import bd.com.getit.realtime.port.out.PresenceStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Device presence and last-seen times of this process. Thread-safe (one lock) and returns completed
 * stages. Memory: one entry per connected device, plus at most {@code maxLastSeen} last-seen times
 * (the oldest recorded is forgotten first).
 */
public final class InMemoryPresenceStore implements PresenceStore {
  /** The default number of last-seen times kept. */
  public static final int DEFAULT_MAX_LAST_SEEN = 100_000;

  private final Object lock = new Object();
  private final Map<UserId, LinkedHashMap<ConnectionId, DevicePresence>> devices = new HashMap<>();
  private final LinkedHashMap<UserId, Instant> lastSeen;

  public InMemoryPresenceStore() {
    this(DEFAULT_MAX_LAST_SEEN);
  }

  public InMemoryPresenceStore(int maxLastSeen) {
    if (maxLastSeen < 1) {
      throw new IllegalArgumentException("maxLastSeen >= 1");
    }
    this.lastSeen = new BoundedMap<>(maxLastSeen);
  }

  @Override
  public CompletionStage<Void> put(UserId user, DevicePresence device) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(device, "device");
    synchronized (lock) {
      devices.computeIfAbsent(user, u -> new LinkedHashMap<>()).put(device.connection(), device);
      lastSeen.remove(user);
    }
    return completedFuture(null);
  }

  @Override
  public CompletionStage<List<DevicePresence>> remove(
      UserId user, ConnectionId device, Instant seen) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(seen, "lastSeen");
    synchronized (lock) {
      LinkedHashMap<ConnectionId, DevicePresence> ofUser = devices.get(user);
      if (ofUser == null || ofUser.remove(device) == null) {
        return completedFuture(ofUser == null ? List.of() : List.copyOf(ofUser.values()));
      }
      if (ofUser.isEmpty()) {
        devices.remove(user);
        lastSeen.put(user, seen);
        return completedFuture(List.of());
      }
      return completedFuture(List.copyOf(ofUser.values()));
    }
  }

  @Override
  public CompletionStage<List<DevicePresence>> devices(UserId user) {
    Objects.requireNonNull(user, "user");
    synchronized (lock) {
      LinkedHashMap<ConnectionId, DevicePresence> ofUser = devices.get(user);
      return completedFuture(ofUser == null ? List.of() : List.copyOf(ofUser.values()));
    }
  }

  @Override
  public CompletionStage<Optional<Instant>> lastSeen(UserId user) {
    Objects.requireNonNull(user, "user");
    synchronized (lock) {
      return completedFuture(Optional.ofNullable(lastSeen.get(user)));
    }
  }

  @Override
  public CompletionStage<Map<UserId, List<DevicePresence>>> online() {
    synchronized (lock) {
      Map<UserId, List<DevicePresence>> result = new HashMap<>();
      devices.forEach((user, ofUser) -> result.put(user, List.copyOf(ofUser.values())));
      return completedFuture(Map.copyOf(result));
    }
  }

  /** An insertion-ordered map that forgets its eldest entry past a size. Not thread-safe. */
  private static final class BoundedMap<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private final int max;

    BoundedMap(int max) {
      this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
      return size() > max;
    }
  }
}
