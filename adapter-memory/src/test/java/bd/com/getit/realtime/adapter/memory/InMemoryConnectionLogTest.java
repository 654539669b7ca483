package bd.com.getit.realtime.adapter.memory;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.port.out.ConnectionLog;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.ConnectionLogContract;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryConnectionLogTest extends ConnectionLogContract {

  @Override
  protected ConnectionLog newLog() {
    return new InMemoryConnectionLog();
  }

  private static ConnectionInfo connection(String id) {
    return new ConnectionInfo(
        ConnectionId.of(id),
        UserId.of("alice"),
        NodeId.of("n1"),
        "polling",
        "127.0.0.1",
        MutableClock.DEFAULT_START,
        Set.of());
  }

  @Test
  void theOldestConnectionIsForgottenPastTheBound() {
    InMemoryConnectionLog log = new InMemoryConnectionLog(2);
    join(log.opened(connection("s1")));
    join(log.opened(connection("s2")));
    join(log.opened(connection("s3")));

    assertThat(join(log.find(ConnectionId.of("s1")))).isEmpty();
    assertThat(join(log.find(ConnectionId.of("s3")))).isPresent();
  }
}
