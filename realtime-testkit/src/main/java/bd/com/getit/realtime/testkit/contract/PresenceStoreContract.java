package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.presence.DevicePresence;
import bd.com.getit.realtime.domain.presence.Location;
import bd.com.getit.realtime.domain.presence.OnlineUsers;
import bd.com.getit.realtime.domain.presence.Place;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import bd.com.getit.realtime.domain.presence.ShoppingActivity;
import bd.com.getit.realtime.port.out.PresenceStore;
import bd.com.getit.realtime.testkit.Concurrently;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PresenceStore} must do. */
public abstract class PresenceStoreContract {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final Instant T0 = MutableClock.DEFAULT_START;

  private PresenceStore store;

  /** A new, empty store. */
  protected abstract PresenceStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private static DevicePresence device(String connection, PresenceStatus status) {
    return new DevicePresence(
        ConnectionId.of(connection),
        status,
        Optional.of("/products/42"),
        new ShoppingActivity(Optional.of("prod-42"), 2, false),
        Optional.of(Location.of("Dhaka", "Dhanmondi")),
        T0);
  }

  @Test
  void keepsEachDeviceOfAUser() {
    DevicePresence phone = device("phone", PresenceStatus.ONLINE);
    DevicePresence laptop = device("laptop", PresenceStatus.AWAY);
    join(store.put(ALICE, phone));
    join(store.put(ALICE, laptop));

    assertThat(join(store.devices(ALICE))).containsExactlyInAnyOrder(phone, laptop);
    assertThat(join(store.devices(BOB))).isEmpty();
  }

  @Test
  void puttingADeviceAgainReplacesIt() {
    join(store.put(ALICE, device("phone", PresenceStatus.ONLINE)));
    DevicePresence busy = device("phone", PresenceStatus.BUSY);
    join(store.put(ALICE, busy));

    assertThat(join(store.devices(ALICE))).containsExactly(busy);
  }

  @Test
  void removeCompletesWithTheRemainingDevices() {
    DevicePresence phone = device("phone", PresenceStatus.ONLINE);
    join(store.put(ALICE, phone));
    join(store.put(ALICE, device("laptop", PresenceStatus.ONLINE)));

    List<DevicePresence> remaining =
        join(store.remove(ALICE, ConnectionId.of("laptop"), T0.plusSeconds(5)));

    assertThat(remaining).containsExactly(phone);
    assertThat(join(store.devices(ALICE))).containsExactly(phone);
  }

  @Test
  void lastSeenIsEmptyWhileOnlineAndForStrangers() {
    join(store.put(ALICE, device("phone", PresenceStatus.ONLINE)));

    assertThat(join(store.lastSeen(ALICE))).isEmpty();
    assertThat(join(store.lastSeen(BOB))).isEmpty();
  }

  @Test
  void removingTheLastDeviceRecordsLastSeen() {
    join(store.put(ALICE, device("phone", PresenceStatus.ONLINE)));
    join(store.put(ALICE, device("laptop", PresenceStatus.ONLINE)));

    join(store.remove(ALICE, ConnectionId.of("phone"), T0.plusSeconds(5)));
    assertThat(join(store.lastSeen(ALICE))).isEmpty();

    assertThat(join(store.remove(ALICE, ConnectionId.of("laptop"), T0.plusSeconds(9)))).isEmpty();
    assertThat(join(store.lastSeen(ALICE))).contains(T0.plusSeconds(9));
  }

  @Test
  void comingBackOnlineClearsLastSeen() {
    join(store.put(ALICE, device("phone", PresenceStatus.ONLINE)));
    join(store.remove(ALICE, ConnectionId.of("phone"), T0.plusSeconds(5)));

    join(store.put(ALICE, device("phone", PresenceStatus.ONLINE)));

    assertThat(join(store.lastSeen(ALICE))).isEmpty();
  }

  @Test
  void removingAnUnknownDeviceIsHarmless() {
    DevicePresence phone = device("phone", PresenceStatus.ONLINE);
    join(store.put(ALICE, phone));

    assertThat(join(store.remove(ALICE, ConnectionId.of("tablet"), T0.plusSeconds(5))))
        .containsExactly(phone);
    assertThat(join(store.devices(ALICE))).containsExactly(phone);
    assertThat(join(store.lastSeen(ALICE))).isEmpty();
  }

  @Test
  void onlineListsEveryUserWithADevice() {
    DevicePresence phone = device("phone", PresenceStatus.ONLINE);
    DevicePresence bobsLaptop = device("bobs-laptop", PresenceStatus.AWAY);
    join(store.put(ALICE, phone));
    join(store.put(BOB, bobsLaptop));
    join(store.put(UserId.of("carol"), device("carols-phone", PresenceStatus.ONLINE)));
    join(store.remove(UserId.of("carol"), ConnectionId.of("carols-phone"), T0));

    Map<UserId, List<DevicePresence>> online = join(store.online());

    assertThat(online).containsOnlyKeys(ALICE, BOB);
    assertThat(online.get(ALICE)).containsExactly(phone);
    assertThat(online.get(BOB)).containsExactly(bobsLaptop);
  }

  @Test
  void concurrentDevicesOfOneUserAreAllKept() {
    AtomicInteger ids = new AtomicInteger();
    Concurrently.run(
        8,
        () -> {
          for (int i = 0; i < 25; i++) {
            join(store.put(ALICE, device("d" + ids.incrementAndGet(), PresenceStatus.ONLINE)));
          }
        });

    assertThat(join(store.devices(ALICE))).hasSize(200);
  }

  private static final Place DHAKA_GAZIPUR = Place.of("Dhaka", "Gazipur");
  private static final Place KHULNA = Place.of("Khulna");

  private OnlineUsers counts() {
    return join(store.counts());
  }

  private void place(UserId user, Place place) {
    join(store.place(user, Optional.of(place)));
  }

  @Test
  void noUserIsCountedAtFirst() {
    assertThat(counts()).isEqualTo(new OnlineUsers(0, Map.of(), Map.of()));
  }

  @Test
  void aPlacedUserIsCountedByDivisionAndDistrict() {
    join(store.put(ALICE, device("phone", PresenceStatus.ONLINE)));
    join(store.put(BOB, device("tablet", PresenceStatus.ONLINE)));
    place(ALICE, DHAKA_GAZIPUR);
    place(BOB, Place.OTHER);

    assertThat(counts())
        .isEqualTo(
            new OnlineUsers(2, Map.of("Dhaka", 1L, "Other", 1L), Map.of("Dhaka/Gazipur", 1L)));
  }

  @Test
  void placingAgainMovesTheUserAndIsIdempotent() {
    join(store.put(ALICE, device("phone", PresenceStatus.ONLINE)));
    place(ALICE, DHAKA_GAZIPUR);
    place(ALICE, KHULNA);
    place(ALICE, KHULNA);

    assertThat(counts()).isEqualTo(new OnlineUsers(1, Map.of("Khulna", 1L), Map.of()));
  }

  @Test
  void anEmptyPlaceStopsCountingAndACounterAtZeroIsGone() {
    join(store.put(ALICE, device("phone", PresenceStatus.ONLINE)));
    place(ALICE, DHAKA_GAZIPUR);
    join(store.place(ALICE, Optional.empty()));
    join(store.place(ALICE, Optional.empty()));

    assertThat(counts()).isEqualTo(new OnlineUsers(0, Map.of(), Map.of()));
  }

  @Test
  void aUserWithoutADeviceIsNeverCounted() {
    place(ALICE, KHULNA);

    assertThat(counts().total()).isZero();
  }

  @Test
  void removingTheLastDeviceStopsCountingTheUser() {
    join(store.put(ALICE, device("phone", PresenceStatus.ONLINE)));
    join(store.put(ALICE, device("laptop", PresenceStatus.ONLINE)));
    place(ALICE, DHAKA_GAZIPUR);

    join(store.remove(ALICE, ConnectionId.of("laptop"), T0));
    assertThat(counts().total()).isEqualTo(1);

    join(store.remove(ALICE, ConnectionId.of("phone"), T0));
    assertThat(counts()).isEqualTo(new OnlineUsers(0, Map.of(), Map.of()));
  }

  @Test
  void concurrentMovesCountEveryUserExactlyOnce() {
    int users = 40;
    for (int u = 0; u < users; u++) {
      join(store.put(UserId.of("u" + u), device("d" + u, PresenceStatus.ONLINE)));
    }
    Place[] places = {DHAKA_GAZIPUR, KHULNA, Place.OTHER, Place.of("Sylhet", "Sylhet")};
    AtomicInteger threadIds = new AtomicInteger();

    Concurrently.call(
        4,
        () -> {
          int thread = threadIds.getAndIncrement();
          for (int round = 0; round < 10; round++) {
            for (int u = 0; u < users; u++) {
              place(UserId.of("u" + u), places[(u + round + thread) % places.length]);
            }
          }
          return null;
        });
    for (int u = 0; u < users; u++) {
      place(UserId.of("u" + u), places[u % places.length]);
    }

    OnlineUsers counts = counts();
    assertThat(counts.total()).isEqualTo(users);
    assertThat(counts.byDivision())
        .isEqualTo(Map.of("Dhaka", 10L, "Khulna", 10L, "Other", 10L, "Sylhet", 10L));
    assertThat(counts.byDistrict()).isEqualTo(Map.of("Dhaka/Gazipur", 10L, "Sylhet/Sylhet", 10L));
  }
}
