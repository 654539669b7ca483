package bd.com.getit.realtime.adapter.memory;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.presence.DevicePresence;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import bd.com.getit.realtime.domain.presence.ShoppingActivity;
import bd.com.getit.realtime.port.out.PresenceStore;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.PresenceStoreContract;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryPresenceStoreTest extends PresenceStoreContract {
  private static final Instant T0 = MutableClock.DEFAULT_START;

  @Override
  protected PresenceStore newStore() {
    return new InMemoryPresenceStore();
  }

  private static void visit(InMemoryPresenceStore store, String user, int leftAfterSeconds) {
    ConnectionId device = ConnectionId.of(user + "-phone");
    join(
        store.put(
            UserId.of(user),
            new DevicePresence(
                device,
                PresenceStatus.ONLINE,
                Optional.empty(),
                ShoppingActivity.NONE,
                Optional.empty(),
                T0)));
    join(store.remove(UserId.of(user), device, T0.plusSeconds(leftAfterSeconds)));
  }

  private static DevicePresence device(String connection, PresenceStatus status) {
    return new DevicePresence(
        ConnectionId.of(connection),
        status,
        Optional.empty(),
        ShoppingActivity.NONE,
        Optional.empty(),
        T0);
  }

  @Test
  void aUsersDevicesKeepTheOrderTheyCameInThroughReplacementsAndRemovals() {
    InMemoryPresenceStore store = new InMemoryPresenceStore();
    UserId alice = UserId.of("alice");
    DevicePresence phone = device("phone", PresenceStatus.ONLINE);
    DevicePresence laptop = device("laptop", PresenceStatus.ONLINE);
    DevicePresence tablet = device("tablet", PresenceStatus.ONLINE);
    join(store.put(alice, phone));
    join(store.put(alice, laptop));
    join(store.put(alice, tablet));
    DevicePresence awayLaptop = device("laptop", PresenceStatus.AWAY);
    join(store.put(alice, awayLaptop));
    assertThat(join(store.devices(alice))).containsExactly(phone, awayLaptop, tablet);

    assertThat(join(store.remove(alice, ConnectionId.of("laptop"), T0.plusSeconds(1))))
        .containsExactly(phone, tablet);
    assertThat(join(store.remove(alice, ConnectionId.of("laptop"), T0.plusSeconds(2))))
        .as("removing it again changes nothing")
        .containsExactly(phone, tablet);
    assertThat(join(store.lastSeen(alice))).isEmpty();
    join(store.remove(alice, ConnectionId.of("phone"), T0.plusSeconds(3)));
    assertThat(join(store.remove(alice, ConnectionId.of("tablet"), T0.plusSeconds(4)))).isEmpty();
    assertThat(join(store.devices(alice))).isEmpty();
    assertThat(join(store.lastSeen(alice))).contains(T0.plusSeconds(4));
    assertThat(join(store.online())).doesNotContainKey(alice);
  }

  @Test
  void theOldestLastSeenIsForgottenPastTheBound() {
    InMemoryPresenceStore store = new InMemoryPresenceStore(2);
    visit(store, "u1", 1);
    visit(store, "u2", 2);
    visit(store, "u3", 3);

    assertThat(join(store.lastSeen(UserId.of("u1")))).isEmpty();
    assertThat(join(store.lastSeen(UserId.of("u2")))).contains(T0.plusSeconds(2));
    assertThat(join(store.lastSeen(UserId.of("u3")))).contains(T0.plusSeconds(3));
  }
}
