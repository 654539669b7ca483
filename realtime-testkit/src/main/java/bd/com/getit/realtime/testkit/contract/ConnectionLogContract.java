package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.Bandwidth;
import bd.com.getit.realtime.domain.connection.ConnectionEntry;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import bd.com.getit.realtime.domain.connection.ConnectionUpdate;
import bd.com.getit.realtime.domain.presence.Location;
import bd.com.getit.realtime.port.out.ConnectionLog;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ConnectionLog} must do. */
public abstract class ConnectionLogContract {
  private static final UserId ALICE = UserId.of("alice");
  private static final Instant T0 = MutableClock.DEFAULT_START;
  private static final ChannelName OWN = ChannelName.parse("user:alice");
  private static final ChannelName PRODUCT = ChannelName.parse("product:42");

  private ConnectionLog log;

  /** A new, empty log. */
  protected abstract ConnectionLog newLog();

  @BeforeEach
  void createLog() {
    log = newLog();
  }

  private static ConnectionInfo connection(String id, UserId user, Instant at) {
    return new ConnectionInfo(
        ConnectionId.of(id),
        user,
        NodeId.of("node-1"),
        "websocket",
        "203.0.113.7",
        at,
        Set.of(OWN, ChannelName.ANNOUNCEMENTS));
  }

  @Test
  void findsAnOpenedConnectionAsConnected() {
    ConnectionInfo c = connection("s1", ALICE, T0);
    join(log.opened(c));

    ConnectionEntry entry = join(log.find(ConnectionId.of("s1"))).orElseThrow();
    assertThat(entry).isEqualTo(ConnectionEntry.opened(c));
    assertThat(entry.connected()).isTrue();
  }

  @Test
  void findsNothingForAnUnknownConnection() {
    assertThat(join(log.find(ConnectionId.of("nope")))).isEmpty();
  }

  @Test
  void openingTheSameConnectionAgainKeepsTheFirst() {
    ConnectionInfo first = connection("s1", ALICE, T0);
    join(log.opened(first));
    join(log.opened(connection("s1", ALICE, T0.plusSeconds(5))));

    assertThat(join(log.find(ConnectionId.of("s1")))).contains(ConnectionEntry.opened(first));
  }

  @Test
  void updatesKeepTheLatestChannelsQualityAndLocation() {
    ConnectionInfo c = connection("s1", ALICE, T0);
    join(log.opened(c));
    ConnectionQuality slow = new ConnectionQuality(Bandwidth.G3, 450, 0.02);
    Location dhaka = Location.of("Dhaka", "Dhanmondi");

    join(log.updated(ConnectionUpdate.channels(c.id(), T0.plusSeconds(1), Set.of(OWN, PRODUCT))));
    join(log.updated(ConnectionUpdate.quality(c.id(), T0.plusSeconds(2), slow)));
    join(log.updated(ConnectionUpdate.location(c.id(), T0.plusSeconds(3), dhaka)));

    ConnectionEntry entry = join(log.find(c.id())).orElseThrow();
    assertThat(entry.connection().channels()).containsExactlyInAnyOrder(OWN, PRODUCT);
    assertThat(entry.quality()).contains(slow);
    assertThat(entry.location()).contains(dhaka);
    assertThat(entry.lastActivity()).isEqualTo(T0.plusSeconds(3));
    assertThat(entry.connected()).isTrue();
  }

  @Test
  void anOlderUpdateDoesNotMoveLastActivityBack() {
    ConnectionInfo c = connection("s1", ALICE, T0);
    join(log.opened(c));
    join(log.updated(ConnectionUpdate.channels(c.id(), T0.plusSeconds(9), Set.of(OWN))));
    join(log.updated(ConnectionUpdate.channels(c.id(), T0.plusSeconds(4), Set.of(PRODUCT))));

    assertThat(join(log.find(c.id())).orElseThrow().lastActivity()).isEqualTo(T0.plusSeconds(9));
  }

  @Test
  void closingMarksTheConnectionDisconnected() {
    ConnectionInfo c = connection("s1", ALICE, T0);
    join(log.opened(c));
    Instant end = T0.plus(Duration.ofMinutes(3));

    join(log.closed(c.id(), end));

    ConnectionEntry entry = join(log.find(c.id())).orElseThrow();
    assertThat(entry.connected()).isFalse();
    assertThat(entry.disconnectedAt()).contains(end);
    assertThat(entry.lastActivity()).isEqualTo(end);
    assertThat(entry.connection()).isEqualTo(c);
  }

  @Test
  void updatesAndClosesOfUnknownConnectionsAreIgnored() {
    ConnectionId ghost = ConnectionId.of("ghost");
    join(log.updated(ConnectionUpdate.channels(ghost, T0, Set.of(OWN))));
    join(log.closed(ghost, T0));

    assertThat(join(log.find(ghost))).isEmpty();
  }

  @Test
  void listsAUsersConnectionsNewestFirstUpToTheLimit() {
    join(log.opened(connection("s1", ALICE, T0)));
    join(log.opened(connection("s2", ALICE, T0.plusSeconds(20))));
    join(log.opened(connection("s3", ALICE, T0.plusSeconds(10))));
    join(log.opened(connection("b1", UserId.of("bob"), T0.plusSeconds(30))));
    join(log.closed(ConnectionId.of("s1"), T0.plusSeconds(40)));

    assertThat(join(log.ofUser(ALICE, 10)))
        .extracting(e -> e.connection().id().value())
        .containsExactly("s2", "s3", "s1");
    assertThat(join(log.ofUser(ALICE, 2)))
        .extracting(e -> e.connection().id().value())
        .containsExactly("s2", "s3");
    assertThat(join(log.ofUser(UserId.of("carol"), 10))).isEmpty();
  }

  @Test
  void refusesALimitOutOfRange() {
    assertThatThrownBy(() -> join(log.ofUser(ALICE, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> join(log.ofUser(ALICE, ConnectionLog.MAX_LIMIT + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theNoOpLogKeepsNothing() {
    join(ConnectionLog.NONE.opened(connection("s1", ALICE, T0)));

    assertThat(join(ConnectionLog.NONE.find(ConnectionId.of("s1")))).isEqualTo(Optional.empty());
  }
}
