package bd.com.getit.realtime.core.testdoubles;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.DevicePresence;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.out.PresenceStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A map-backed presence store for tests. */
public final class InMemoryPresenceStore implements PresenceStore {

  private final Map<UserId, LinkedHashMap<ConnectionId, DevicePresence>> devices = new HashMap<>();
  private final Map<UserId, Instant> lastSeen = new HashMap<>();

  @Override
  public synchronized CompletionStage<Void> put(UserId user, DevicePresence device) {
    devices.computeIfAbsent(user, u -> new LinkedHashMap<>()).put(device.connection(), device);
    lastSeen.remove(user);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized CompletionStage<List<DevicePresence>> remove(
      UserId user, ConnectionId device, Instant seen) {
    LinkedHashMap<ConnectionId, DevicePresence> mine = devices.get(user);
    if (mine == null) {
      return CompletableFuture.completedFuture(List.of());
    }
    mine.remove(device);
    if (mine.isEmpty()) {
      devices.remove(user);
      lastSeen.put(user, seen);
      return CompletableFuture.completedFuture(List.of());
    }
    return CompletableFuture.completedFuture(List.copyOf(mine.values()));
  }

  @Override
  public synchronized CompletionStage<List<DevicePresence>> devices(UserId user) {
    return CompletableFuture.completedFuture(
        List.copyOf(devices.getOrDefault(user, new LinkedHashMap<>()).values()));
  }

  @Override
  public synchronized CompletionStage<Optional<Instant>> lastSeen(UserId user) {
    return CompletableFuture.completedFuture(Optional.ofNullable(lastSeen.get(user)));
  }

  @Override
  public synchronized CompletionStage<Map<UserId, List<DevicePresence>>> online() {
    Map<UserId, List<DevicePresence>> out = new LinkedHashMap<>();
    devices.forEach((u, d) -> out.put(u, List.copyOf(d.values())));
    return CompletableFuture.completedFuture(out);
  }
}
