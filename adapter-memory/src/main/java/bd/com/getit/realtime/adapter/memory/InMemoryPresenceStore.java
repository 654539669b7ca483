package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.presence.DevicePresence;
import bd.com.getit.realtime.domain.presence.OnlineUsers;
import bd.com.getit.realtime.domain.presence.Place;
import bd.com.getit.realtime.port.out.PresenceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Device presence, last-seen times and online counts of this process. Thread-safe (one lock) and
 * returns completed stages. Memory: one entry per connected device and per counted user, one
 * counter per place in use, plus at most {@code maxLastSeen} last-seen times (the oldest recorded
 * is forgotten first).
 */
public final class InMemoryPresenceStore implements PresenceStore {
  /** The default number of last-seen times kept. */
  public static final int DEFAULT_MAX_LAST_SEEN = 100_000;

  private final Object lock = new Object();
  // A user's devices in the order they came, as an immutable list replaced on each change: a user
  // has a few (the connection limit bounds them), and one device is a 24-byte list where a
  // LinkedHashMap per user was about 180 bytes for every connected user.
  private final Map<UserId, List<DevicePresence>> devices = new HashMap<>();
  private final LinkedHashMap<UserId, Instant> lastSeen;
  private final Map<UserId, Place> places = new HashMap<>();
  private final Map<String, Long> byDivision = new HashMap<>();
  private final Map<String, Long> byDistrict = new HashMap<>();

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
      devices.merge(user, List.of(device), InMemoryPresenceStore::withDevice);
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
      List<DevicePresence> ofUser = devices.get(user);
      if (ofUser == null) {
        return completedFuture(List.of());
      }
      List<DevicePresence> kept = withoutDevice(ofUser, device);
      if (kept.size() == ofUser.size()) {
        return completedFuture(ofUser);
      }
      if (kept.isEmpty()) {
        devices.remove(user);
        lastSeen.put(user, seen);
        uncount(user);
        return completedFuture(List.of());
      }
      devices.put(user, kept);
      return completedFuture(kept);
    }
  }

  @Override
  public CompletionStage<List<DevicePresence>> devices(UserId user) {
    Objects.requireNonNull(user, "user");
    synchronized (lock) {
      return completedFuture(devices.getOrDefault(user, List.of()));
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
      // One copy, under the lock every connect takes: Map.copyOf of a second copy cost the idle
      // sweep 8% of a handshake run's CPU with 19,000 users online (its probing table).
      return completedFuture(Collections.unmodifiableMap(new HashMap<>(devices)));
    }
  }

  @Override
  public CompletionStage<Void> place(UserId user, Optional<Place> place) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(place, "place");
    synchronized (lock) {
      Optional<Place> target = devices.containsKey(user) ? place : Optional.empty();
      if (!target.equals(Optional.ofNullable(places.get(user)))) {
        uncount(user);
        target.ifPresent(p -> count(user, p));
      }
    }
    return completedFuture(null);
  }

  @Override
  public CompletionStage<OnlineUsers> counts() {
    synchronized (lock) {
      return completedFuture(new OnlineUsers(places.size(), byDivision, byDistrict));
    }
  }

  /** {@code devices} with {@code added}: in the place of the same connection's, else last. */
  private static List<DevicePresence> withDevice(
      List<DevicePresence> devices, List<DevicePresence> added) {
    DevicePresence device = added.get(0);
    List<DevicePresence> next = new ArrayList<>(devices.size() + 1);
    boolean replaced = false;
    for (DevicePresence existing : devices) {
      if (existing.connection().equals(device.connection())) {
        next.add(device);
        replaced = true;
      } else {
        next.add(existing);
      }
    }
    if (!replaced) {
      next.add(device);
    }
    return List.copyOf(next);
  }

  /** {@code devices} without the one of {@code connection} (the same list when it has none). */
  private static List<DevicePresence> withoutDevice(
      List<DevicePresence> devices, ConnectionId connection) {
    List<DevicePresence> kept = new ArrayList<>(devices.size());
    for (DevicePresence existing : devices) {
      if (!existing.connection().equals(connection)) {
        kept.add(existing);
      }
    }
    return kept.size() == devices.size() ? devices : List.copyOf(kept);
  }

  /** Counts {@code user} under {@code place}; the user is counted nowhere. Under the lock. */
  private void count(UserId user, Place place) {
    places.put(user, place);
    byDivision.merge(place.division(), 1L, Long::sum);
    place.districtKey().ifPresent(k -> byDistrict.merge(k, 1L, Long::sum));
  }

  /** Stops counting {@code user}, if counted. Under the lock. */
  private void uncount(UserId user) {
    Place old = places.remove(user);
    if (old != null) {
      decrement(byDivision, old.division());
      old.districtKey().ifPresent(k -> decrement(byDistrict, k));
    }
  }

  private static void decrement(Map<String, Long> counts, String key) {
    counts.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null);
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
