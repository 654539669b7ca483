package bd.com.getit.realtime.core.connection;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.adapter.memory.MemoryAdapters;
import bd.com.getit.realtime.core.ConnectionListener;
import bd.com.getit.realtime.core.limits.ConnectionLimits;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import bd.com.getit.realtime.port.in.ConnectionUseCase.ConnectCommand;
import bd.com.getit.realtime.port.in.ConnectionUseCase.DisconnectCommand;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.LocalDelivery;
import bd.com.getit.realtime.port.out.TokenVerifier;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry stays true to this node's sessions across a Redis outage: an unregister that failed
 * is retried, and connections the cluster state lost are registered again.
 */
class RegistryRepairTest {
  private static final NodeId NODE = NodeId.of("node-a");
  private static final NodeId OTHER = NodeId.of("node-b");

  private final MutableClock clock = new MutableClock();
  private final MemoryAdapters memory = MemoryAdapters.create(clock);
  private final ConnectionRegistry stored = memory.connectionRegistry();

  /** The registry as Redis would be: unreachable while {@code down}. */
  private volatile boolean down;

  private final ConnectionRegistry registry =
      (ConnectionRegistry)
          java.lang.reflect.Proxy.newProxyInstance(
              ConnectionRegistry.class.getClassLoader(),
              new Class<?>[] {ConnectionRegistry.class},
              (proxy, method, args) ->
                  down
                      ? CompletableFuture.failedFuture(new IllegalStateException("redis down"))
                      : method.invoke(stored, args));

  private final LocalSessions sessions = new LocalSessions();
  private final List<String> told = new CopyOnWriteArrayList<>();
  private final ConnectionListener presence =
      new ConnectionListener() {
        @Override
        public CompletionStage<Void> connected(Principal principal, ConnectionInfo info) {
          told.add("connected " + info.id());
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> disconnected(Principal principal, ConnectionInfo info) {
          told.add("disconnected " + info.id());
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> restored(Principal principal, ConnectionInfo info) {
          told.add("restored " + info.id());
          return CompletableFuture.completedFuture(null);
        }
      };
  private final AtomicInteger ids = new AtomicInteger();
  private final ConnectionService service =
      new ConnectionService(
          NODE,
          false,
          Duration.ofMinutes(2),
          new ConnectionService.Ports(
              new TokenVerifier() {
                @Override
                public Principal verify(String token) {
                  return Principal.of(UserId.of(token), Set.of(Role.CUSTOMER));
                }

                @Override
                public boolean allowsSubscription(String token, UserId user, ChannelName channel) {
                  return false;
                }
              },
              new ConnectionLimits(registry, memory.rateLimitStore(), clock, 10, 300),
              memory.recoveryStore(),
              registry,
              sessions,
              new NoDelivery(),
              memory.clusterBus(),
              memory.offlineQueue(),
              () -> "pid-" + ids.incrementAndGet(),
              clock),
          List.of(presence));

  private static final class NoDelivery implements LocalDelivery {
    @Override
    public int deliver(Collection<ConnectionId> targets, Outbound outbound) {
      return targets.size();
    }

    @Override
    public void disconnect(ConnectionId connection, String reason) {}

    @Override
    public void adapt(ConnectionId connection, ConnectionQuality quality) {}
  }

  @AfterEach
  void close() {
    memory.close();
  }

  private ConnectionId open(String id, String user) {
    ConnectionId connection = ConnectionId.of(id);
    join(
        service.connect(
            new ConnectCommand(
                connection, Optional.of(user), "10.0.0.1", "websocket", Optional.empty())));
    join(service.activate(connection));
    return connection;
  }

  @Test
  void aSocketClosedWhileRedisIsAwayStillEndsAndLeavesTheRegistryOnceRedisIsBack() {
    ConnectionId c1 = open("c1", "u1");
    down = true;

    join(service.disconnect(new DisconnectCommand(c1, "transport close", true)));

    assertThat(sessions.find(c1)).isEmpty();
    assertThat(told).containsExactly("connected c1", "disconnected c1");
    assertThat(service.unregistersPending()).isEqualTo(1);
    assertThat(join(service.repairRegistry())).as("still down").isZero();
    assertThat(service.unregistersPending()).isEqualTo(1);

    down = false;
    assertThat(join(stored.find(c1))).as("left behind by the outage").isPresent();
    assertThat(join(service.repairRegistry())).isEqualTo(1);
    assertThat(join(stored.find(c1))).isEmpty();
    assertThat(service.unregistersPending()).isZero();
  }

  @Test
  void aRetryNeverRemovesAnIdThatLivesAgainHereOrOnAnotherNode() {
    ConnectionId c1 = open("c1", "u1");
    ConnectionId c2 = open("c2", "u2");
    down = true;
    join(service.disconnect(new DisconnectCommand(c1, "transport close", true)));
    join(service.disconnect(new DisconnectCommand(c2, "transport close", true)));
    down = false;
    // c1's session was taken over by another node meanwhile.
    ConnectionInfo was = join(stored.find(c1)).orElseThrow();
    ConnectionInfo moved =
        new ConnectionInfo(
            c1,
            was.user(),
            OTHER,
            "polling",
            was.clientAddress(),
            was.connectedAt(),
            was.channels());
    join(stored.register(moved));

    assertThat(join(service.repairRegistry())).isEqualTo(1);

    assertThat(join(stored.find(c1))).contains(moved);
    assertThat(join(stored.find(c2))).isEmpty();
    assertThat(service.unregistersPending()).isZero();
  }

  @Test
  void connectionsTheClusterStateLostAreRegisteredAgainWithTheirChannels() {
    ConnectionId c1 = open("c1", "u1");
    ConnectionId c2 = open("c2", "u2");
    sessions.join(c1, ChannelName.parse("product:7"), 10);
    // Redis restarted empty.
    join(stored.unregister(c1));
    join(stored.unregister(c2));

    assertThat(join(service.restoreRegistrations())).isEqualTo(2);

    assertThat(join(stored.find(c1)).orElseThrow().channels())
        .contains(ChannelName.parse("product:7"));
    assertThat(join(stored.find(c2)).orElseThrow().node()).isEqualTo(NODE);
    assertThat(told).contains("restored c1", "restored c2");
    assertThat(told).filteredOn(t -> t.startsWith("connected")).hasSize(2);
  }
}
