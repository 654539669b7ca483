package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.presence.Location;
import bd.com.getit.realtime.domain.presence.Presence;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import bd.com.getit.realtime.domain.presence.ShoppingActivity;
import bd.com.getit.realtime.port.out.PresenceArchive;
import bd.com.getit.realtime.testkit.Concurrently;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PresenceArchive} must do. */
public abstract class PresenceArchiveContract {
  private static final UserId ALICE = UserId.of("alice");
  private static final Instant T0 = MutableClock.DEFAULT_START;

  private PresenceArchive archive;

  /** A new, empty archive. */
  protected abstract PresenceArchive newArchive();

  @BeforeEach
  void createArchive() {
    archive = newArchive();
  }

  private static Presence online(UserId user, Instant seen, int devices) {
    return new Presence(
        user,
        PresenceStatus.ONLINE,
        Optional.of(seen),
        Optional.of("/products/42"),
        ShoppingActivity.NONE,
        Optional.of(Location.of("Dhaka", "Dhanmondi")),
        devices);
  }

  @Test
  void findsTheSavedPresence() {
    Presence p = online(ALICE, T0, 2);
    join(archive.save(p, T0));

    assertThat(join(archive.find(ALICE))).contains(p);
    assertThat(join(archive.find(UserId.of("bob")))).isEmpty();
  }

  @Test
  void aLaterSaveReplacesTheEarlier() {
    join(archive.save(online(ALICE, T0, 1), T0));
    Presence offline = Presence.offline(ALICE, Optional.of(T0.plusSeconds(60)));

    join(archive.save(offline, T0.plusSeconds(60)));

    assertThat(join(archive.find(ALICE))).contains(offline);
  }

  @Test
  void anOlderSaveIsIgnored() {
    Presence offline = Presence.offline(ALICE, Optional.of(T0.plusSeconds(60)));
    join(archive.save(offline, T0.plusSeconds(60)));

    join(archive.save(online(ALICE, T0, 1), T0));

    assertThat(join(archive.find(ALICE))).contains(offline);
  }

  @Test
  void theShoppingActivityIsNotKept() {
    Presence shopping =
        new Presence(
            ALICE,
            PresenceStatus.BUSY,
            Optional.of(T0),
            Optional.empty(),
            new ShoppingActivity(Optional.of("prod-42"), 3, true),
            Optional.empty(),
            1);
    join(archive.save(shopping, T0));

    Presence found = join(archive.find(ALICE)).orElseThrow();
    assertThat(found.activity()).isEqualTo(ShoppingActivity.NONE);
    assertThat(found.status()).isEqualTo(PresenceStatus.BUSY);
    assertThat(found.lastSeen()).contains(T0);
    assertThat(found.currentPage()).isEmpty();
    assertThat(found.location()).isEmpty();
  }

  @Test
  void concurrentSavesLeaveTheNewest() {
    AtomicInteger next = new AtomicInteger();
    Concurrently.run(
        8,
        () -> {
          int i = next.getAndIncrement();
          join(archive.save(online(ALICE, T0.plusSeconds(i), i + 1), T0.plusSeconds(i)));
        });

    assertThat(join(archive.find(ALICE)).orElseThrow().deviceCount()).isEqualTo(next.get());
  }
}
