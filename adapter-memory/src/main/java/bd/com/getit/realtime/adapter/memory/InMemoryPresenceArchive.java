package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.presence.Presence;
import bd.com.getit.realtime.domain.presence.ShoppingActivity;
import bd.com.getit.realtime.port.out.PresenceArchive;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The last known presence per user in this process: the reference for the contract. Keeps the
 * {@code maxUsers} most recently saved users. Thread-safe (one lock); returns completed stages.
 */
public final class InMemoryPresenceArchive implements PresenceArchive {
  /** The default number of users kept. */
  public static final int DEFAULT_MAX_USERS = 1_000_000;

  private record Saved(Presence presence, Instant at) {}

  private final Map<UserId, Saved> saved;

  public InMemoryPresenceArchive() {
    this(DEFAULT_MAX_USERS);
  }

  public InMemoryPresenceArchive(int maxUsers) {
    if (maxUsers < 1) {
      throw new IllegalArgumentException("maxUsers >= 1");
    }
    // Access order: a user saved again moves to the young end.
    this.saved =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<UserId, Saved> eldest) {
            return size() > maxUsers;
          }
        };
  }

  @Override
  public synchronized CompletionStage<Void> save(Presence presence, Instant at) {
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(at, "at");
    Presence kept =
        new Presence(
            presence.user(),
            presence.status(),
            presence.lastSeen(),
            presence.currentPage(),
            ShoppingActivity.NONE,
            presence.location(),
            presence.deviceCount());
    Saved before = saved.get(presence.user());
    if (before == null || !at.isBefore(before.at())) {
      saved.put(presence.user(), new Saved(kept, at));
    }
    return completedFuture(null);
  }

  @Override
  public synchronized CompletionStage<Optional<Presence>> find(UserId user) {
    Objects.requireNonNull(user, "user");
    return completedFuture(Optional.ofNullable(saved.get(user)).map(Saved::presence));
  }
}
