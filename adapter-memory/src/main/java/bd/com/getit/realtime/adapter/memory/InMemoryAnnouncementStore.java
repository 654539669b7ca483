package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.notification.Announcement;
import bd.com.getit.realtime.port.out.AnnouncementStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Announcements in this process, for one node. Thread-safe (one lock) and returns completed stages.
 * Memory: at most {@code max} are kept; past it the one ending soonest goes first, and those past
 * their {@code show_until} are dropped on each save.
 */
public final class InMemoryAnnouncementStore implements AnnouncementStore {
  /** The default number of announcements kept. */
  public static final int DEFAULT_MAX = 100;

  private static final Comparator<Announcement> ENDING_SOONEST =
      Comparator.comparing((Announcement a) -> a.showUntil().orElse(Instant.MIN))
          .thenComparing(a -> a.id().value());
  private static final Comparator<Announcement> OLDEST_FIRST =
      Comparator.comparing(Announcement::createdAt).thenComparing(a -> a.id().value());

  private final int max;
  private final Object lock = new Object();
  private final Map<EventId, Announcement> kept = new LinkedHashMap<>();

  public InMemoryAnnouncementStore() {
    this(DEFAULT_MAX);
  }

  public InMemoryAnnouncementStore(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max >= 1");
    }
    this.max = max;
  }

  @Override
  public CompletionStage<Void> save(Announcement announcement) {
    Objects.requireNonNull(announcement, "announcement");
    synchronized (lock) {
      kept.values().removeIf(a -> !a.activeAt(announcement.createdAt()));
      if (announcement.activeAt(announcement.createdAt())) {
        kept.put(announcement.id(), announcement);
      }
      while (kept.size() > max) {
        kept.values().stream().min(ENDING_SOONEST).ifPresent(a -> kept.remove(a.id()));
      }
    }
    return completedFuture(null);
  }

  @Override
  public CompletionStage<List<Announcement>> active(Instant now) {
    Objects.requireNonNull(now, "now");
    synchronized (lock) {
      if (kept.isEmpty()) {
        return completedFuture(List.of()); // the usual case, asked on every connect
      }
      return completedFuture(
          kept.values().stream().filter(a -> a.activeAt(now)).sorted(OLDEST_FIRST).toList());
    }
  }
}
