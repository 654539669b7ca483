package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.presence.Presence;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The last known presence of each user, kept durably so that {@code last_seen} survives a restart
 * of a cluster whose live presence ({@link PresenceStore}) is in memory. Optional: {@link #NONE}
 * keeps nothing.
 *
 * <p>Called by the core on any thread: returns at once, completes later; a failed save is logged by
 * the core, never failing the change that caused it. A save older than the one kept (by {@code at})
 * is ignored, so saves that overtake each other leave the newest. Thread-safe.
 */
public interface PresenceArchive {

  /**
   * Keeps {@code presence} as the user's last known presence, as of {@code at}: its status, last
   * seen, current page, location and device count. The shopping activity is live state only and
   * reads back as {@link bd.com.getit.realtime.domain.presence.ShoppingActivity#NONE}.
   */
  CompletionStage<Void> save(Presence presence, Instant at);

  /** The user's last known presence; empty if never saved. */
  CompletionStage<Optional<Presence>> find(UserId user);

  /** Keeps nothing: the default without a durable store. */
  PresenceArchive NONE =
      new PresenceArchive() {
        @Override
        public CompletionStage<Void> save(Presence presence, Instant at) {
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Optional<Presence>> find(UserId user) {
          return CompletableFuture.completedFuture(Optional.empty());
        }
      };
}
