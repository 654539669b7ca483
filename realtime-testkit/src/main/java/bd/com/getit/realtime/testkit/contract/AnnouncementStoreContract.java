package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.notification.Announcement;
import bd.com.getit.realtime.port.out.AnnouncementStore;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AnnouncementStore} must do. */
public abstract class AnnouncementStoreContract {
  private static final Instant T0 = MutableClock.DEFAULT_START;

  private AnnouncementStore store;

  /** A new, empty store keeping at most {@code max} announcements. */
  protected abstract AnnouncementStore newStore(int max);

  @BeforeEach
  void createStore() {
    store = newStore(3);
  }

  private static Announcement announcement(String id, int createdSecond, Duration shown) {
    Instant created = T0.plusSeconds(createdSecond);
    return new Announcement(
        EventId.of(id),
        "maintenance",
        LocalizedText.of("Maintenance tonight", "আজ রাতে রক্ষণাবেক্ষণ"),
        LocalizedText.of("The shop pauses at 2 AM", "রাত ২টায় দোকান বন্ধ থাকবে"),
        created,
        Optional.of(created.plus(shown)));
  }

  private static List<String> ids(List<Announcement> list) {
    return list.stream().map(a -> a.id().value()).toList();
  }

  @Test
  void keepsAnAnnouncementUntilItsShowUntil() {
    Announcement a = announcement("a1", 0, Duration.ofHours(1));
    join(store.save(a));

    assertThat(join(store.active(T0.plusSeconds(10)))).containsExactly(a);
    assertThat(join(store.active(T0.plus(Duration.ofMinutes(59))))).containsExactly(a);
    assertThat(join(store.active(T0.plus(Duration.ofHours(1))))).isEmpty();
  }

  @Test
  void activeIsOldestFirstAndSkipsEndedOnes() {
    join(store.save(announcement("a2", 20, Duration.ofHours(2))));
    join(store.save(announcement("a1", 10, Duration.ofHours(3))));
    join(store.save(announcement("short", 30, Duration.ofMinutes(1))));

    assertThat(ids(join(store.active(T0.plusSeconds(40))))).containsExactly("a1", "a2", "short");
    assertThat(ids(join(store.active(T0.plus(Duration.ofMinutes(5)))))).containsExactly("a1", "a2");
  }

  @Test
  void savingTheSameIdKeepsItOnce() {
    Announcement a = announcement("a1", 0, Duration.ofHours(1));
    join(store.save(a));
    join(store.save(a));

    assertThat(join(store.active(T0.plusSeconds(1)))).containsExactly(a);
  }

  @Test
  void pastItsBoundTheOneEndingSoonestGoesFirst() {
    join(store.save(announcement("a1", 0, Duration.ofHours(5))));
    join(store.save(announcement("ends-soon", 1, Duration.ofHours(1))));
    join(store.save(announcement("a3", 2, Duration.ofHours(4))));
    join(store.save(announcement("a4", 3, Duration.ofHours(3))));

    assertThat(ids(join(store.active(T0.plusSeconds(10))))).containsExactly("a1", "a3", "a4");
  }

  @Test
  void anAnnouncementWithoutShowUntilIsNotKept() {
    Announcement live =
        new Announcement(
            EventId.of("live"),
            "sale",
            LocalizedText.of("Sale", "ছাড়"),
            LocalizedText.of("Now", "এখন"),
            T0,
            Optional.empty());
    join(store.save(live));

    assertThat(join(store.active(T0))).isEmpty();
  }

  @Test
  void anEmptyStoreHasNoneActive() {
    assertThat(join(store.active(T0))).isEmpty();
  }
}
