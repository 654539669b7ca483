package bd.com.getit.realtime.core.presence;

import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import bd.com.getit.realtime.adapter.memory.InMemoryChatRepository;
import bd.com.getit.realtime.adapter.memory.InMemoryPresenceStore;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.core.testing.CapturingFanout;
import bd.com.getit.realtime.core.testing.Fixtures;
import bd.com.getit.realtime.core.testing.RecordingRateLimiter;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.port.out.ConnectionLog;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.LocalDelivery;
import bd.com.getit.realtime.port.out.PresenceArchive;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.SequentialIds;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code admin:presence} copy of a presence change goes out only while staff may listen. */
class StaffAudienceTest {

  private static final Duration RECOVERY_WINDOW = Duration.ofMinutes(2);
  private static final Principal ALICE = Fixtures.customer("alice");
  private static final Principal BOB = Fixtures.customer("bob");
  private static final Principal ROOT = Fixtures.admin("root");

  private final MutableClock clock = new MutableClock();
  private final LocalSessions sessions = new LocalSessions();
  private final InMemoryChatRepository chats = new InMemoryChatRepository();
  private final CapturingFanout fanout = new CapturingFanout();
  private final PresenceService presence =
      new PresenceService(
          new InMemoryPresenceStore(),
          mock(ConnectionRegistry.class),
          chats,
          fanout,
          clock,
          new SequentialIds(),
          new RecordingRateLimiter(),
          PresenceService.DEFAULT_IDLE_AFTER,
          mock(LocalDelivery.class),
          PresenceArchive.NONE,
          ConnectionLog.NONE,
          Gazetteer.bangladesh(),
          StaffAudience.local(sessions, clock, RECOVERY_WINDOW));

  private static ConnectionInfo conn(Principal p, String id, ChannelName... channels) {
    return new ConnectionInfo(
        ConnectionId.of(id),
        p.user(),
        NodeId.of("n1"),
        "websocket",
        "127.0.0.1",
        MutableClock.DEFAULT_START,
        Set.of(channels));
  }

  private List<ChannelName> channelsOfConnect(Principal p, String id) {
    int before = fanout.events().size();
    done(presence.connected(p, conn(p, id)));
    List<Event> events = fanout.events();
    return events.subList(before, events.size()).stream().map(Event::channel).toList();
  }

  private void aliceAndBobShareARoom() {
    var t = MutableClock.DEFAULT_START;
    done(
        chats.saveRoom(
            new ChatRoom(
                RoomId.of("r1"),
                RoomType.GROUP_CHAT,
                RoomStatus.ACTIVE,
                ALICE.user(),
                JsonObject.EMPTY,
                List.of(
                    new Participant(ALICE.user(), ParticipantRole.CUSTOMER, t, Optional.empty()),
                    new Participant(BOB.user(), ParticipantRole.CUSTOMER, t, Optional.empty())),
                t)));
  }

  @Test
  void withNoStaffListeningAConnectPublishesNothing() {
    assertThat(channelsOfConnect(ALICE, "s1")).isEmpty();
  }

  @Test
  void withNoStaffListeningTheRoomsAreStillTold() {
    aliceAndBobShareARoom();

    assertThat(channelsOfConnect(ALICE, "s1")).containsExactly(ChannelName.parse("chat:r1"));
  }

  @Test
  void aLocalSubscriberOfAdminPresenceGetsEveryChange() {
    sessions.add(ROOT, conn(ROOT, "staff", ChannelName.ADMIN_PRESENCE));

    assertThat(channelsOfConnect(ALICE, "s1")).containsExactly(ChannelName.ADMIN_PRESENCE);
    int before = fanout.events().size();
    done(presence.disconnected(ALICE, conn(ALICE, "s1")));
    assertThat(fanout.events().subList(before, fanout.events().size()))
        .extracting(Event::channel)
        .containsExactly(ChannelName.ADMIN_PRESENCE);
  }

  @Test
  void aSubscriberThatJoinsLaterIsSeenAtOnce() {
    sessions.add(ROOT, conn(ROOT, "staff"));
    assertThat(channelsOfConnect(ALICE, "s1")).isEmpty();

    sessions.join(ConnectionId.of("staff"), ChannelName.ADMIN_PRESENCE, 10);

    assertThat(channelsOfConnect(BOB, "s2")).containsExactly(ChannelName.ADMIN_PRESENCE);
  }

  @Test
  void afterTheLastSubscriberLeftChangesGoOnForTheRecoveryWindowThenStop() {
    sessions.add(ROOT, conn(ROOT, "staff", ChannelName.ADMIN_PRESENCE));
    sessions.remove(ConnectionId.of("staff")); // gone, its session may recover and replay

    clock.advance(RECOVERY_WINDOW);
    assertThat(channelsOfConnect(ALICE, "s1")).containsExactly(ChannelName.ADMIN_PRESENCE);

    clock.advance(Duration.ofMillis(1));
    assertThat(channelsOfConnect(BOB, "s2")).isEmpty();
  }

  @Test
  void leavingTheChannelStartsTheSameWindow() {
    sessions.add(ROOT, conn(ROOT, "staff", ChannelName.ADMIN_PRESENCE));
    sessions.leave(ConnectionId.of("staff"), ChannelName.ADMIN_PRESENCE);

    assertThat(channelsOfConnect(ALICE, "s1")).containsExactly(ChannelName.ADMIN_PRESENCE);
    clock.advance(RECOVERY_WINDOW.plusSeconds(1));
    assertThat(channelsOfConnect(BOB, "s2")).isEmpty();
  }

  @Test
  void anotherChannelEmptyingStartsNoWindow() {
    sessions.add(ALICE, conn(ALICE, "a1", ChannelName.parse("user:alice")));
    sessions.remove(ConnectionId.of("a1"));

    assertThat(channelsOfConnect(BOB, "s2")).isEmpty();
  }

  @Test
  void anyoneAlwaysListens() {
    assertThat(StaffAudience.ANYONE.listening()).isTrue();
  }

  @Test
  void aNegativeWindowIsRefused() {
    assertThatThrownBy(() -> StaffAudience.local(sessions, clock, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grace");
  }
}
