package bd.com.getit.realtime.core.admin;

import static bd.com.getit.realtime.core.testing.Fixtures.NODE;
import static bd.com.getit.realtime.core.testing.Fixtures.OTHER_NODE;
import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.conn;
import static bd.com.getit.realtime.core.testing.Fixtures.customer;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static bd.com.getit.realtime.core.testing.Fixtures.info;
import static bd.com.getit.realtime.core.testing.Fixtures.withRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import bd.com.getit.realtime.adapter.memory.InMemoryConnectionRegistry;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.core.testing.FakeBus;
import bd.com.getit.realtime.core.testing.RecordingDelivery;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.cluster.BusRecord;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import bd.com.getit.realtime.domain.cluster.NodeStats;
import bd.com.getit.realtime.domain.cluster.NodeStatus;
import bd.com.getit.realtime.domain.cluster.Stats;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AdminServiceTest {
  private static final Caller ADMIN = Caller.of(withRole("adm", Role.ADMIN));
  private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
  private final LocalSessions sessions = new LocalSessions();
  private final RecordingDelivery delivery = new RecordingDelivery();
  private final MutableClock clock = new MutableClock();
  private final DeliveryMeter meter = new DeliveryMeter(clock);
  private final FakeBus bus = new FakeBus();
  private final AdminService admin =
      new AdminService(NODE, registry, sessions, delivery, bus, meter);

  private static ConnectionInfo remote(String id, String user) {
    return new ConnectionInfo(
        conn(id),
        UserId.of(user),
        OTHER_NODE,
        "polling",
        "10.0.0.2",
        MutableClock.DEFAULT_START,
        Set.of());
  }

  @Test
  void everyOperationIsForAdminsOnly() {
    for (Caller c :
        List.of(
            Caller.of(customer("u1")),
            Caller.of(withRole("s", Role.SERVICE)),
            Caller.of(withRole("a", Role.SUPPORT_AGENT)))) {
      assertThat(code(admin.stats(c))).isEqualTo(ErrorCode.FORBIDDEN);
      assertThat(code(admin.connections(c))).isEqualTo(ErrorCode.FORBIDDEN);
      assertThat(code(admin.disconnect(c, conn("c1")))).isEqualTo(ErrorCode.FORBIDDEN);
    }
    assertThat(delivery.disconnected).isEmpty();
  }

  @Test
  void aSingleNodesStatsAreItsOwnConnectionsUsersAndRates() {
    registry.register(info("c1", "u1"));
    registry.register(info("c2", "u1"));
    meter.record(120, java.time.Duration.ofMillis(3));

    Stats s = done(admin.stats(ADMIN));

    assertThat(s.totalConnections()).isEqualTo(2);
    assertThat(s.activeUsers()).isEqualTo(1);
    assertThat(s.messagesPerSecond()).isEqualTo(2.0);
    assertThat(s.averageLatencyMs()).isEqualTo(3.0);
    assertThat(s.nodes())
        .containsExactly(new NodeStats(NODE, 2, 1, 2.0, 3.0, meter.status(NODE).startedAt()));
  }

  @Test
  void clusterStatsAreTotalsOverTheLiveNodesWithARowEachInNodeOrder() {
    Instant otherStart = clock.now().minusSeconds(600);
    NodeId dead = NodeId.of("a-dead-node");
    AdminService clusterAdmin =
        new AdminService(
            NODE,
            registry,
            sessions,
            delivery,
            bus,
            meter,
            () ->
                CompletableFuture.completedFuture(
                    List.of(new NodeStatus(OTHER_NODE, otherStart, 6.0, 10.0))));
    registry.register(info("c1", "u1"));
    registry.register(remote("c3", "u2"));
    registry.register(remote("c4", "u1"));
    registry.register(
        new ConnectionInfo(
            conn("c5"), UserId.of("u9"), dead, "websocket", "x", clock.now(), Set.of()));
    meter.record(120, java.time.Duration.ofMillis(4)); // 2 a second here

    Stats s = done(clusterAdmin.stats(ADMIN));

    assertThat(s.totalConnections()).as("the dead node's leftovers are not counted").isEqualTo(3);
    assertThat(s.activeUsers()).isEqualTo(2);
    assertThat(s.messagesPerSecond()).isEqualTo(8.0);
    assertThat(s.averageLatencyMs()).as("weighted by rate").isEqualTo((2 * 4.0 + 6 * 10.0) / 8);
    assertThat(s.nodes())
        .extracting(NodeStats::node, NodeStats::connections, NodeStats::activeUsers)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(NODE, 1L, 1L),
            org.assertj.core.groups.Tuple.tuple(OTHER_NODE, 2L, 2L));
    assertThat(s.nodes().get(1).startedAt()).isEqualTo(otherStart);
  }

  @Test
  void listsEveryConnection() {
    registry.register(info("c1", "u1"));
    registry.register(remote("c3", "u2"));
    assertThat(done(admin.connections(ADMIN)))
        .containsExactlyInAnyOrder(info("c1", "u1"), remote("c3", "u2"));
  }

  @Test
  void disconnectsALocalSocketDirectly() {
    sessions.add(customer("u1"), info("c1", "u1"));
    done(admin.disconnect(ADMIN, conn("c1")));
    assertThat(delivery.disconnected).containsExactly(conn("c1"));
  }

  @Test
  void aRegistryEntryOfThisNodeIsDisconnectedHere() {
    registry.register(info("c1", "u1"));
    done(admin.disconnect(ADMIN, conn("c1")));
    assertThat(delivery.disconnected).containsExactly(conn("c1"));
  }

  @Test
  void anUnknownSocketIsNotFound() {
    assertThat(code(admin.disconnect(ADMIN, conn("nobody")))).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(delivery.disconnected).isEmpty();
  }

  @Test
  void aRemoteSocketIsDisconnectedByACommandOnTheBusNotByAnEvent() {
    registry.register(remote("c3", "u2"));
    done(admin.disconnect(ADMIN, conn("c3")));
    assertThat(delivery.disconnected).isEmpty();
    assertThat(bus.log)
        .extracting(BusRecord::origin, BusRecord::message)
        .containsExactly(tuple(NODE, new ClusterMessage.DisconnectCommand(conn("c3"))));
  }

  @Test
  void localDisconnectsPutNothingOnTheBus() {
    sessions.add(customer("u1"), info("c1", "u1"));
    registry.register(info("c2", "u1"));
    done(admin.disconnect(ADMIN, conn("c1")));
    done(admin.disconnect(ADMIN, conn("c2")));
    assertThat(bus.log).isEmpty();
  }

  @Test
  void onlyAdminsCommandADisconnectOfARemoteSocket() {
    registry.register(remote("c3", "u2"));
    Caller service = Caller.of(withRole("svc", Role.SERVICE));
    assertThat(code(admin.disconnect(service, conn("c3")))).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(bus.log).isEmpty();
  }
}
