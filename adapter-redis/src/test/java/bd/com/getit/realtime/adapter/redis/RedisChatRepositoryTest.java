package bd.com.getit.realtime.adapter.redis;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.HistoryQuery;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.ChatRepositoryContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisChatRepositoryTest extends ChatRepositoryContract {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  private static final Duration TTL = Duration.ofDays(30);
  private static final RoomId ROOM = RoomId.of("room-1");
  private static final UserId RAHIM = UserId.of("rahim");
  private static final UserId KARIM = UserId.of("karim");

  @Override
  protected ChatRepository newRepository() {
    return new RedisChatRepository(redis.fresh(), new MutableClock(), 1_000, TTL);
  }

  private static ChatRoom room(UserId... members) {
    Instant t0 = MutableClock.DEFAULT_START;
    List<Participant> participants =
        java.util.Arrays.stream(members)
            .map(u -> new Participant(u, ParticipantRole.CUSTOMER, t0, Optional.empty()))
            .toList();
    return new ChatRoom(
        ROOM,
        RoomType.GROUP_CHAT,
        RoomStatus.ACTIVE,
        members[0],
        JsonObject.builder().put("topic", "অর্ডার ৪২").build(),
        participants,
        t0);
  }

  private static ChatMessage message(String id, Instant at) {
    return new ChatMessage(
        MessageId.of(id),
        ROOM,
        RAHIM,
        Role.CUSTOMER,
        MessageType.TEXT,
        "hi " + id,
        JsonObject.EMPTY,
        at);
  }

  private static List<String> history(ChatRepository chat) {
    return join(chat.history(new HistoryQuery(ROOM, 1, 100, Optional.empty()))).messages().stream()
        .map(m -> m.id().value())
        .toList();
  }

  @Test
  void twoNodesOnOneRedisSeeTheSameRoomsHistoryAndReadMarks() {
    Redis shared = redis.fresh();
    MutableClock clock = new MutableClock();
    ChatRepository node1 = new RedisChatRepository(shared, clock, 1_000, TTL);
    ChatRepository node2 = new RedisChatRepository(shared, clock, 1_000, TTL);
    join(node1.saveRoom(room(RAHIM)));
    ChatRoom joined =
        join(node2.findRoom(ROOM))
            .orElseThrow()
            .with(new Participant(KARIM, ParticipantRole.CUSTOMER, clock.now(), Optional.empty()));
    join(node2.saveRoom(joined));
    join(node1.append(message("m1", clock.now())));
    ChatRoom read = joined.with(joined.participant(KARIM).orElseThrow().readUpTo(clock.now()));
    join(node2.saveRoom(read));

    assertThat(join(node1.findRoom(ROOM))).contains(read);
    assertThat(join(node1.roomsOf(KARIM))).containsExactly(read);
    assertThat(history(node2)).containsExactly("m1");
    assertThat(join(node2.append(message("m1", clock.now())))).as("a retry on node 2").isFalse();
  }

  @Test
  void readMarksSavedAtOnceOnTwoNodesFromTheSameRoomAreBothKept() {
    Redis shared = redis.fresh();
    MutableClock clock = new MutableClock();
    ChatRepository node1 = new RedisChatRepository(shared, clock, 1_000, TTL);
    ChatRepository node2 = new RedisChatRepository(shared, clock, 1_000, TTL);
    ChatRoom base = room(RAHIM, KARIM);
    join(node1.saveRoom(base));
    Instant rahimRead = clock.now().plusSeconds(5);
    Instant karimRead = clock.now().plusSeconds(7);

    // Each node read the room before the other's mark moved, as concurrent mark_read calls do.
    join(node1.saveRoom(base.with(base.participant(RAHIM).orElseThrow().readUpTo(rahimRead))));
    join(node2.saveRoom(base.with(base.participant(KARIM).orElseThrow().readUpTo(karimRead))));

    ChatRoom stored = join(node1.findRoom(ROOM)).orElseThrow();
    assertThat(stored.participant(RAHIM).orElseThrow().lastReadAt()).contains(rahimRead);
    assertThat(stored.participant(KARIM).orElseThrow().lastReadAt()).contains(karimRead);
    assertThat(stored.participants()).extracting(Participant::user).containsExactly(RAHIM, KARIM);
    assertThat(join(node2.roomsOf(KARIM))).containsExactly(stored);
  }

  @Test
  void aRemovedParticipantsReadMarkLeavesWithThem() {
    ChatRepository chat = newRepository();
    ChatRoom base = room(RAHIM, KARIM);
    join(
        chat.saveRoom(base.with(base.participant(KARIM).orElseThrow().readUpTo(base.createdAt()))));
    join(chat.saveRoom(room(RAHIM)));
    join(chat.saveRoom(base));

    assertThat(
            join(chat.findRoom(ROOM)).orElseThrow().participant(KARIM).orElseThrow().lastReadAt())
        .isEmpty();
  }

  @Test
  void aRoomKeepsOnlyItsNewestMessagesUpToTheCap() {
    MutableClock clock = new MutableClock();
    ChatRepository chat = new RedisChatRepository(redis.fresh(), clock, 3, TTL);
    for (int i = 1; i <= 5; i++) {
      join(chat.append(message("m" + i, clock.now().plusSeconds(i))));
    }

    assertThat(history(chat)).containsExactly("m5", "m4", "m3");
    assertThat(join(chat.findMessage(MessageId.of("m1")))).as("trimmed with its key").isEmpty();
    assertThat(join(chat.findMessage(MessageId.of("m3")))).isPresent();
  }

  @Test
  void messagesOlderThanTheTtlLeaveTheHistory() {
    MutableClock clock = new MutableClock();
    ChatRepository chat = new RedisChatRepository(redis.fresh(), clock, 1_000, TTL);
    join(chat.append(message("old", clock.now())));
    clock.advance(TTL.plusSeconds(1));
    join(chat.append(message("new", clock.now())));

    assertThat(history(chat)).containsExactly("new");
  }

  @Test
  void everyKeyOfARoomExpires() {
    Redis keys = redis.fresh();
    MutableClock clock = new MutableClock();
    ChatRepository chat = new RedisChatRepository(keys, clock, 1_000, TTL);
    ChatRoom room = room(RAHIM, KARIM);
    join(chat.saveRoom(room.with(room.participant(KARIM).orElseThrow().readUpTo(clock.now()))));
    join(chat.append(message("m1", clock.now())));

    for (String key :
        List.of(
            "CHAT_ROOM:room-1",
            "CHAT_ROOM_MEMBERS:room-1",
            "CHAT_READ:room-1",
            "USER_ROOMS:rahim",
            "USER_ROOMS:karim",
            "CHAT_HISTORY:room-1",
            "CHAT_MESSAGE:m1")) {
      long ttl = join(keys.call(c -> c.pttl(keys.key(key))));
      assertThat(ttl).as(key).isPositive().isLessThanOrEqualTo(TTL.toMillis() + 1);
    }
  }

  @Test
  void aRoomThatExpiredLeavesItsUsersRooms() {
    Redis keys = redis.fresh();
    ChatRepository chat = new RedisChatRepository(keys, new MutableClock(), 1_000, TTL);
    join(chat.saveRoom(room(RAHIM)));
    join(keys.call(c -> c.del(keys.key("CHAT_ROOM:room-1")))); // as its TTL would

    assertThat(join(chat.roomsOf(RAHIM))).isEmpty();
    boolean left = join(keys.call(c -> c.exists(keys.key("USER_ROOMS:rahim"))));
    assertThat(left).as("the stale id is removed").isFalse();
  }

  @Test
  void aUserIsListedInAtMostTheMaximumOfRooms() {
    ChatRepository chat = newRepository();
    for (int i = 0; i < RedisChatRepository.MAX_ROOMS_PER_USER + 5; i++) {
      ChatRoom room = room(RAHIM);
      join(
          chat.saveRoom(
              new ChatRoom(
                  RoomId.of("room-" + i),
                  room.type(),
                  room.status(),
                  room.createdBy(),
                  room.metadata(),
                  room.participants(),
                  room.createdAt())));
    }

    assertThat(join(chat.roomsOf(RAHIM))).hasSize(RedisChatRepository.MAX_ROOMS_PER_USER);
  }

  @Test
  void rejectsUselessBounds() {
    Redis keys = redis.fresh();
    MutableClock clock = new MutableClock();
    assertThatThrownBy(() -> new RedisChatRepository(keys, clock, 0, TTL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxMessagesPerRoom");
    assertThatThrownBy(() -> new RedisChatRepository(keys, clock, 10, Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
  }
}
