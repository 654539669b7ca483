package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.testkit.Concurrently;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.TestChannels;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ConnectionRegistry} must do. */
public abstract class ConnectionRegistryContract {
  private static final NodeId NODE_A = NodeId.of("node-a");
  private static final NodeId NODE_B = NodeId.of("node-b");
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");

  private ConnectionRegistry registry;

  /** A new, empty registry. */
  protected abstract ConnectionRegistry newRegistry();

  @BeforeEach
  void createRegistry() {
    registry = newRegistry();
  }

  private static ConnectionInfo connection(String id, UserId user, NodeId node) {
    return new ConnectionInfo(
        ConnectionId.of(id),
        user,
        node,
        "websocket",
        "203.0.113.7",
        MutableClock.DEFAULT_START,
        Set.of(ChannelName.ANNOUNCEMENTS));
  }

  @Test
  void findsARegisteredConnection() {
    ConnectionInfo c = connection("c1", ALICE, NODE_A);
    join(registry.register(c));

    assertThat(join(registry.find(ConnectionId.of("c1")))).contains(c);
  }

  @Test
  void findsNothingForAnUnknownId() {
    assertThat(join(registry.find(ConnectionId.of("nobody")))).isEmpty();
  }

  @Test
  void registeringAnIdAgainReplacesTheEntry() {
    join(registry.register(connection("c1", ALICE, NODE_A)));
    ConnectionInfo moved = connection("c1", BOB, NODE_B);
    join(registry.register(moved));

    assertThat(join(registry.find(ConnectionId.of("c1")))).contains(moved);
    assertThat(join(registry.all())).containsExactly(moved);
    assertThat(join(registry.connectionsOf(ALICE))).isEmpty();
    assertThat(join(registry.connectionsOf(BOB))).containsExactly(moved);
  }

  @Test
  void unregisterRemovesAndReturnsTheEntry() {
    ConnectionInfo c = connection("c1", ALICE, NODE_A);
    join(registry.register(c));

    assertThat(join(registry.unregister(ConnectionId.of("c1")))).contains(c);
    assertThat(join(registry.find(ConnectionId.of("c1")))).isEmpty();
    assertThat(join(registry.connectionsOf(ALICE))).isEmpty();
    assertThat(join(registry.all())).isEmpty();
  }

  @Test
  void unregisteringAnUnknownIdIsHarmless() {
    join(registry.register(connection("c1", ALICE, NODE_A)));

    assertThat(join(registry.unregister(ConnectionId.of("nobody")))).isEmpty();
    assertThat(join(registry.all())).hasSize(1);
  }

  @Test
  void listsAUsersConnectionsOnEveryNode() {
    ConnectionInfo a1 = connection("c1", ALICE, NODE_A);
    ConnectionInfo a2 = connection("c2", ALICE, NODE_B);
    ConnectionInfo b1 = connection("c3", BOB, NODE_A);
    join(registry.register(a1));
    join(registry.register(a2));
    join(registry.register(b1));

    assertThat(join(registry.connectionsOf(ALICE))).containsExactlyInAnyOrder(a1, a2);
    assertThat(join(registry.connectionsOf(BOB))).containsExactly(b1);
    assertThat(join(registry.connectionsOf(UserId.of("carol")))).isEmpty();
  }

  @Test
  void aUserIsOnlineWhileAnyConnectionIsRegistered() {
    join(registry.register(connection("c1", ALICE, NODE_A)));
    join(registry.register(connection("c2", ALICE, NODE_B)));

    assertThat(join(registry.isOnline(ALICE))).isTrue();
    assertThat(join(registry.isOnline(BOB))).isFalse();
    join(registry.unregister(ConnectionId.of("c1")));
    assertThat(join(registry.isOnline(ALICE))).isTrue();
    join(registry.unregister(ConnectionId.of("c2")));
    assertThat(join(registry.isOnline(ALICE))).isFalse();
  }

  @Test
  void updateChannelsReplacesTheChannelSet() {
    join(registry.register(connection("c1", ALICE, NODE_A)));
    Set<ChannelName> channels = Set.of(TestChannels.product(), TestChannels.order());

    join(registry.updateChannels(ConnectionId.of("c1"), channels));

    assertThat(join(registry.find(ConnectionId.of("c1"))).orElseThrow().channels())
        .containsExactlyInAnyOrderElementsOf(channels);
    assertThat(join(registry.connectionsOf(ALICE)).get(0).channels())
        .containsExactlyInAnyOrderElementsOf(channels);
  }

  @Test
  void updateChannelsOfAnUnknownConnectionIsANoOp() {
    join(registry.updateChannels(ConnectionId.of("ghost"), Set.of(TestChannels.product())));

    assertThat(join(registry.find(ConnectionId.of("ghost")))).isEmpty();
    assertThat(join(registry.all())).isEmpty();
  }

  @Test
  void allListsEveryConnectionOfTheCluster() {
    ConnectionInfo a1 = connection("c1", ALICE, NODE_A);
    ConnectionInfo b1 = connection("c2", BOB, NODE_B);
    join(registry.register(a1));
    join(registry.register(b1));

    assertThat(join(registry.all())).containsExactlyInAnyOrder(a1, b1);
  }

  @Test
  void removeNodeRemovesAndReturnsOnlyThatNodesConnections() {
    ConnectionInfo a1 = connection("c1", ALICE, NODE_A);
    ConnectionInfo a2 = connection("c2", ALICE, NODE_B);
    ConnectionInfo b1 = connection("c3", BOB, NODE_A);
    join(registry.register(a1));
    join(registry.register(a2));
    join(registry.register(b1));

    assertThat(join(registry.removeNode(NODE_A))).containsExactlyInAnyOrder(a1, b1);
    assertThat(join(registry.all())).containsExactly(a2);
    assertThat(join(registry.connectionsOf(ALICE))).containsExactly(a2);
    assertThat(join(registry.connectionsOf(BOB))).isEmpty();
    assertThat(join(registry.removeNode(NODE_A))).isEmpty();
  }

  @Test
  void concurrentRegistrationsAreAllKept() {
    AtomicInteger ids = new AtomicInteger();
    Concurrently.run(
        8,
        () -> {
          for (int i = 0; i < 50; i++) {
            join(registry.register(connection("c" + ids.incrementAndGet(), ALICE, NODE_A)));
          }
        });

    assertThat(join(registry.all())).hasSize(400);
    assertThat(join(registry.connectionsOf(ALICE))).hasSize(400);
  }
}
