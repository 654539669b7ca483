package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.notification.Announcement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The announcements still to be shown, shared by every node of a cluster on a shared store.
 * Bounded: an announcement is forgotten once past its {@code showUntil}, and at most a fixed number
 * are kept (the one ending soonest is dropped first). Thread-safe; returns at once, completes
 * later.
 */
public interface AnnouncementStore {

  /** Keeps nothing: announcements reach only the sockets connected when they are made. */
  AnnouncementStore NONE =
      new AnnouncementStore() {
        @Override
        public CompletionStage<Void> save(Announcement announcement) {
          return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<List<Announcement>> active(Instant now) {
          return java.util.concurrent.CompletableFuture.completedFuture(List.of());
        }
      };

  /** Keeps {@code announcement} until its {@code showUntil}; the same id twice is kept once. */
  CompletionStage<Void> save(Announcement announcement);

  /** The announcements whose {@code showUntil} is after {@code now}, oldest first. */
  CompletionStage<List<Announcement>> active(Instant now);
}
