package bd.com.getit.realtime.adapter.memory;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.ConnectionRegistryContract;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryConnectionRegistryTest extends ConnectionRegistryContract {
  private static final UserId ALICE = UserId.of("alice");
  private static final NodeId NODE = NodeId.of("node-a");

  @Override
  protected ConnectionRegistry newRegistry() {
    return new InMemoryConnectionRegistry();
  }

  private static ConnectionInfo connection(String id) {
    return new ConnectionInfo(
        ConnectionId.of(id),
        ALICE,
        NODE,
        "websocket",
        "127.0.0.1",
        MutableClock.DEFAULT_START,
        Set.<ChannelName>of());
  }

  @Test
  void aUsersConnectionsKeepTheirOrderFromOneToSeveralAndBack() {
    InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
    ConnectionInfo c1 = connection("c1");
    ConnectionInfo c2 = connection("c2");
    ConnectionInfo c3 = connection("c3");
    join(registry.register(c1));
    assertThat(join(registry.connectionsOf(ALICE))).containsExactly(c1);
    join(registry.register(c2));
    join(registry.register(c3));
    assertThat(join(registry.connectionsOf(ALICE))).containsExactly(c1, c2, c3);

    join(registry.unregister(c1.id()));
    join(registry.unregister(c3.id()));
    assertThat(join(registry.connectionsOf(ALICE))).containsExactly(c2);
    join(registry.register(c1));
    assertThat(join(registry.connectionsOf(ALICE))).containsExactly(c2, c1);

    join(registry.unregister(c2.id()));
    join(registry.unregister(c1.id()));
    assertThat(join(registry.connectionsOf(ALICE))).isEmpty();
    assertThat(join(registry.unregister(c1.id()))).isEmpty();
    join(registry.register(c3));
    assertThat(join(registry.connectionsOf(ALICE))).containsExactly(c3);
  }
}
