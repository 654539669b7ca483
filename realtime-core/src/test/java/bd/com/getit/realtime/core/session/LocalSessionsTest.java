package bd.com.getit.realtime.core.session;

import static bd.com.getit.realtime.core.testing.Fixtures.channel;
import static bd.com.getit.realtime.core.testing.Fixtures.conn;
import static bd.com.getit.realtime.core.testing.Fixtures.customer;
import static bd.com.getit.realtime.core.testing.Fixtures.info;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.core.session.LocalSessions.JoinOutcome;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalSessionsTest {
  private final LocalSessions sessions = new LocalSessions();
  private final ChannelName product = channel("product:1");

  @Test
  void addIndexesTheInitialChannels() {
    assertThat(sessions.add(customer("u1"), info("c1", "u1", "user:u1", "system:announcements")))
        .isTrue();
    assertThat(sessions.subscribers(channel("user:u1"))).containsExactly(conn("c1"));
    assertThat(sessions.isSubscribed(conn("c1"), ChannelName.ANNOUNCEMENTS)).isTrue();
    assertThat(sessions.principalOf(conn("c1"))).contains(customer("u1"));
    assertThat(sessions.channelsOf(conn("c1")))
        .containsExactlyInAnyOrder(channel("user:u1"), ChannelName.ANNOUNCEMENTS);
    assertThat(sessions.size()).isEqualTo(1);
    assertThat(sessions.indexedChannels()).isEqualTo(2);
  }

  @Test
  void addingAKnownConnectionChangesNothing() {
    sessions.add(customer("u1"), info("c1", "u1", "user:u1"));
    assertThat(sessions.add(customer("u2"), info("c1", "u2", "user:u2"))).isFalse();
    assertThat(sessions.principalOf(conn("c1"))).contains(customer("u1"));
    assertThat(sessions.subscribers(channel("user:u2"))).isEmpty();
  }

  @Test
  void joinReportsWhatItDid() {
    sessions.add(customer("u1"), info("c1", "u1"));
    assertThat(sessions.join(conn("c1"), product, 2)).isEqualTo(JoinOutcome.JOINED);
    assertThat(sessions.join(conn("c1"), product, 2)).isEqualTo(JoinOutcome.ALREADY_JOINED);
    assertThat(sessions.join(conn("c1"), channel("product:2"), 2)).isEqualTo(JoinOutcome.JOINED);
    assertThat(sessions.join(conn("c1"), channel("product:3"), 2))
        .isEqualTo(JoinOutcome.LIMIT_REACHED);
    assertThat(sessions.join(conn("c1"), product, 2)).isEqualTo(JoinOutcome.ALREADY_JOINED);
    assertThat(sessions.join(conn("nobody"), product, 2)).isEqualTo(JoinOutcome.UNKNOWN_CONNECTION);
    assertThat(sessions.subscribers(channel("product:3"))).isEmpty();
    assertThat(sessions.subscribers(product)).containsExactly(conn("c1"));
  }

  @Test
  void leaveRemovesEmptyIndexEntries() {
    sessions.add(customer("u1"), info("c1", "u1"));
    sessions.add(customer("u2"), info("c2", "u2"));
    sessions.join(conn("c1"), product, 10);
    sessions.join(conn("c2"), product, 10);
    assertThat(sessions.leave(conn("c1"), product)).isTrue();
    assertThat(sessions.subscribers(product)).containsExactly(conn("c2"));
    assertThat(sessions.leave(conn("c1"), product)).isFalse();
    assertThat(sessions.leave(conn("c2"), product)).isTrue();
    assertThat(sessions.indexedChannels()).isZero();
    assertThat(sessions.subscribers(product)).isEmpty();
    assertThat(sessions.leave(conn("nobody"), product)).isFalse();
  }

  @Test
  void removeReturnsTheLastStateAndClearsTheIndex() {
    sessions.add(customer("u1"), info("c1", "u1", "user:u1"));
    sessions.join(conn("c1"), product, 10);
    var removed = sessions.remove(conn("c1")).orElseThrow();
    assertThat(removed.principal()).isEqualTo(customer("u1"));
    assertThat(removed.info().channels()).containsExactlyInAnyOrder(product, channel("user:u1"));
    assertThat(sessions.indexedChannels()).isZero();
    assertThat(sessions.principalOf(conn("c1"))).isEmpty();
    assertThat(sessions.find(conn("c1"))).isEmpty();
    assertThat(sessions.channelsOf(conn("c1"))).isEmpty();
    assertThat(sessions.remove(conn("c1"))).isEmpty();
    assertThat(sessions.join(conn("c1"), product, 10)).isEqualTo(JoinOutcome.UNKNOWN_CONNECTION);
    assertThat(sessions.size()).isZero();
  }

  @Test
  void findHasTheChannelsAddedWithUntilAJoinOrLeaveChangesThem() {
    ChannelName own = channel("user:u1");
    sessions.add(customer("u1"), info("c1", "u1", "user:u1", "system:announcements"));
    assertThat(sessions.find(conn("c1")).orElseThrow().info().channels())
        .containsExactlyInAnyOrder(own, ChannelName.ANNOUNCEMENTS);

    sessions.leave(conn("c1"), ChannelName.ANNOUNCEMENTS);
    assertThat(sessions.find(conn("c1")).orElseThrow().info().channels()).containsExactly(own);
    sessions.join(conn("c1"), product, 10);
    assertThat(sessions.find(conn("c1")).orElseThrow().info().channels())
        .containsExactlyInAnyOrder(own, product);
    assertThat(sessions.remove(conn("c1")).orElseThrow().info().channels())
        .containsExactlyInAnyOrder(own, product);
  }

  @Test
  void findReflectsJoinsAndLeaves() {
    sessions.add(customer("u1"), info("c1", "u1"));
    sessions.join(conn("c1"), product, 10);
    assertThat(sessions.find(conn("c1")).orElseThrow().info().channels()).containsExactly(product);
    sessions.leave(conn("c1"), product);
    assertThat(sessions.find(conn("c1")).orElseThrow().info().channels()).isEmpty();
    assertThat(sessions.isSubscribed(conn("c1"), product)).isFalse();
  }

  @Test
  void subscribersIsAnUnmodifiableView() {
    sessions.add(customer("u1"), info("c1", "u1", "product:1"));
    Set<ConnectionId> view = sessions.subscribers(product);
    assertThatThrownBy(() -> view.add(conn("x"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> sessions.subscribers(channel("product:9")).add(conn("x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aChannelGoesFromOneSubscriberToSeveralAndBackWithoutLosingAny() {
    for (int c = 1; c <= 3; c++) {
      sessions.add(customer("u" + c), info("c" + c, "u" + c));
    }
    sessions.join(conn("c1"), product, 10);
    Set<ConnectionId> alone = sessions.subscribers(product);
    sessions.join(conn("c2"), product, 10);
    sessions.join(conn("c3"), product, 10);
    assertThat(sessions.subscribers(product))
        .containsExactlyInAnyOrder(conn("c1"), conn("c2"), conn("c3"));
    assertThat(alone).as("a snapshot taken with one subscriber").containsExactly(conn("c1"));

    sessions.leave(conn("c1"), product);
    sessions.leave(conn("c3"), product);
    assertThat(sessions.subscribers(product)).containsExactly(conn("c2"));
    assertThat(sessions.isSubscribed(conn("c2"), product)).isTrue();
    assertThat(sessions.isSubscribed(conn("c1"), product)).isFalse();

    sessions.join(conn("c1"), product, 10);
    assertThat(sessions.subscribers(product)).containsExactlyInAnyOrder(conn("c1"), conn("c2"));
    sessions.remove(conn("c2"));
    sessions.remove(conn("c1"));
    assertThat(sessions.subscribers(product)).isEmpty();
    assertThat(sessions.indexedChannels()).isZero();
  }

  @Test
  void aSessionsChannelsAreAnImmutableSnapshot() {
    sessions.add(customer("u1"), info("c1", "u1", "user:u1"));
    Set<ChannelName> before = sessions.channelsOf(conn("c1"));
    sessions.join(conn("c1"), product, 10);

    assertThat(before).containsExactly(channel("user:u1"));
    assertThatThrownBy(() -> before.add(product)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(sessions.channelsOf(conn("c1")))
        .containsExactlyInAnyOrder(channel("user:u1"), product);
  }

  @Test
  void concurrentJoinsOfOneChannelKeepEverySubscriber() throws Exception {
    int connections = 200;
    for (int c = 0; c < connections; c++) {
      sessions.add(customer("u" + c), info("c" + c, "u" + c));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> work = new ArrayList<>();
    try {
      for (int c = 0; c < connections; c++) {
        ConnectionId id = conn("c" + c);
        work.add(
            pool.submit(
                () -> {
                  start.await();
                  sessions.join(id, product, 10);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : work) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sessions.subscribers(product)).hasSize(connections);
    for (int c = 0; c < connections; c++) {
      assertThat(sessions.channelsOf(conn("c" + c))).containsExactly(product);
    }
  }

  @Test
  void concurrentJoinsLeavesAndDisconnectsLeakNoIndexEntry() throws Exception {
    int connections = 40;
    List<ChannelName> channels = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      channels.add(channel("product:" + i));
    }
    for (int c = 0; c < connections; c++) {
      sessions.add(customer("u" + c), info("c" + c, "u" + c));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> work = new ArrayList<>();
    try {
      for (int c = 0; c < connections; c++) {
        ConnectionId id = conn("c" + c);
        work.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int round = 0; round < 50; round++) {
                    for (ChannelName ch : channels) {
                      sessions.join(id, ch, 100);
                      if (round % 2 == 0) {
                        sessions.leave(id, ch);
                      }
                    }
                  }
                  return null;
                }));
        work.add(
            pool.submit(
                () -> {
                  start.await();
                  sessions.remove(id);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : work) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sessions.size()).isZero();
    assertThat(sessions.indexedChannels()).isZero();
  }

  @Test
  void subscribersIsOneSnapshotUntilTheChannelChanges() {
    sessions.add(customer("u1"), info("c1", "u1", "product:1"));
    sessions.add(customer("u2"), info("c2", "u2"));
    Set<ConnectionId> first = sessions.subscribers(product);

    assertThat(sessions.subscribers(product)).isSameAs(first);
    sessions.join(conn("c2"), channel("product:2"), 10); // another channel: this one's stays
    assertThat(sessions.subscribers(product)).isSameAs(first);

    sessions.join(conn("c2"), product, 10);
    Set<ConnectionId> second = sessions.subscribers(product);
    assertThat(first).containsExactly(conn("c1")); // a snapshot: the join did not change it
    assertThat(second).containsExactlyInAnyOrder(conn("c1"), conn("c2"));

    sessions.leave(conn("c1"), product);
    assertThat(second).containsExactlyInAnyOrder(conn("c1"), conn("c2"));
    assertThat(sessions.subscribers(product)).containsExactly(conn("c2"));
    assertThat(sessions.isSubscribed(conn("c1"), product)).isFalse();
    assertThat(sessions.isSubscribed(conn("c2"), product)).isTrue();
  }

  @Test
  void snapshotsReadDuringConcurrentJoinsEndWithEveryMember() throws Exception {
    int connections = 200;
    for (int c = 0; c < connections; c++) {
      sessions.add(customer("u" + c), info("c" + c, "u" + c));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    CountDownLatch start = new CountDownLatch(1);
    try {
      Future<?> joins =
          pool.submit(
              () -> {
                start.await();
                for (int c = 0; c < connections; c++) {
                  sessions.join(conn("c" + c), product, 10);
                }
                return null;
              });
      Future<?> reads =
          pool.submit(
              () -> {
                start.await();
                while (!joins.isDone()) {
                  sessions.subscribers(product).size(); // builds snapshots while joins race
                }
                return null;
              });
      start.countDown();
      joins.get(30, TimeUnit.SECONDS);
      reads.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(sessions.subscribers(product)).hasSize(connections);
  }
}
