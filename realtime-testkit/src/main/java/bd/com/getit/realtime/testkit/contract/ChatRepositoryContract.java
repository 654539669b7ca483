package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.HistoryPage;
import bd.com.getit.realtime.domain.chat.HistoryQuery;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.testkit.Concurrently;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ChatRepository} must do. */
public abstract class ChatRepositoryContract {
  private static final Instant T0 = MutableClock.DEFAULT_START;
  private static final UserId CUSTOMER = UserId.of("customer-1");
  private static final UserId AGENT = UserId.of("agent-1");
  private static final RoomId ROOM = RoomId.of("room-1");

  private ChatRepository repository;

  /** A new, empty repository. */
  protected abstract ChatRepository newRepository();

  @BeforeEach
  void createRepository() {
    repository = newRepository();
  }

  private static ChatRoom room(String id, UserId... members) {
    List<Participant> participants =
        java.util.Arrays.stream(members)
            .map(u -> new Participant(u, ParticipantRole.MEMBER, T0, Optional.empty()))
            .toList();
    return new ChatRoom(
        RoomId.of(id),
        RoomType.CUSTOMER_SUPPORT,
        RoomStatus.ACTIVE,
        members[0],
        JsonObject.EMPTY,
        participants,
        T0);
  }

  private static ChatMessage message(String id, RoomId room, Instant at, String text) {
    return new ChatMessage(
        MessageId.of(id),
        room,
        CUSTOMER,
        Role.CUSTOMER,
        MessageType.TEXT,
        text,
        JsonObject.builder().put("client", "test").build(),
        at);
  }

  private static ChatMessage message(String id, int secondsAfterT0) {
    return message(id, ROOM, T0.plusSeconds(secondsAfterT0), "text of " + id);
  }

  private HistoryPage history(int page, int limit, Optional<Instant> before) {
    return join(repository.history(new HistoryQuery(ROOM, page, limit, before)));
  }

  private static List<String> ids(HistoryPage page) {
    return page.messages().stream().map(m -> m.id().value()).toList();
  }

  private void appendFive() {
    for (int i = 1; i <= 5; i++) {
      join(repository.append(message("m" + i, i)));
    }
  }

  @Test
  void findsASavedRoom() {
    ChatRoom room = room("room-1", CUSTOMER, AGENT);
    join(repository.saveRoom(room));

    assertThat(join(repository.findRoom(RoomId.of("room-1")))).contains(room);
    assertThat(join(repository.findRoom(RoomId.of("room-x")))).isEmpty();
  }

  @Test
  void savingARoomAgainReplacesIt() {
    join(repository.saveRoom(room("room-1", CUSTOMER)));
    ChatRoom withAgent =
        room("room-1", CUSTOMER)
            .with(new Participant(AGENT, ParticipantRole.SUPPORT_AGENT, T0, Optional.empty()));
    join(repository.saveRoom(withAgent));

    assertThat(join(repository.findRoom(RoomId.of("room-1")))).contains(withAgent);
    assertThat(join(repository.roomsOf(AGENT))).containsExactly(withAgent);
  }

  @Test
  void roomsOfListsOnlyTheUsersRooms() {
    ChatRoom support = room("room-1", CUSTOMER, AGENT);
    ChatRoom vendor = room("room-2", CUSTOMER, UserId.of("vendor-user-v1"));
    ChatRoom other = room("room-3", UserId.of("someone"));
    join(repository.saveRoom(support));
    join(repository.saveRoom(vendor));
    join(repository.saveRoom(other));

    assertThat(join(repository.roomsOf(CUSTOMER))).containsExactlyInAnyOrder(support, vendor);
    assertThat(join(repository.roomsOf(AGENT))).containsExactly(support);
    assertThat(join(repository.roomsOf(UserId.of("stranger")))).isEmpty();
  }

  @Test
  void roomsOfForgetsARemovedParticipant() {
    join(repository.saveRoom(room("room-1", CUSTOMER, AGENT)));
    join(repository.saveRoom(room("room-1", CUSTOMER)));

    assertThat(join(repository.roomsOf(AGENT))).isEmpty();
  }

  @Test
  void appendStoresAMessageOnce() {
    ChatMessage first = message("m1", ROOM, T0, "hello");

    assertThat(join(repository.append(first))).isTrue();
    assertThat(join(repository.append(message("m1", ROOM, T0.plusSeconds(1), "retry")))).isFalse();

    assertThat(join(repository.findMessage(MessageId.of("m1")))).contains(first);
    assertThat(ids(history(1, 10, Optional.empty()))).containsExactly("m1");
  }

  @Test
  void findMessageOfAnUnknownIdIsEmpty() {
    assertThat(join(repository.findMessage(MessageId.of("nope")))).isEmpty();
  }

  @Test
  void concurrentAppendsOfOneMessageStoreItOnce() {
    List<Boolean> stored =
        Concurrently.call(8, () -> join(repository.append(message("m1", ROOM, T0, "hi"))));

    assertThat(stored).containsOnlyOnce(true);
    assertThat(history(1, 10, Optional.empty()).messages()).hasSize(1);
  }

  @Test
  void historyIsNewestFirst() {
    join(repository.append(message("m2", 2)));
    join(repository.append(message("m1", 1)));
    join(repository.append(message("m3", 3)));

    HistoryPage page = history(1, 10, Optional.empty());

    assertThat(ids(page)).containsExactly("m3", "m2", "m1");
    assertThat(page.hasMore()).isFalse();
    assertThat(page.page()).isEqualTo(1);
    assertThat(page.limit()).isEqualTo(10);
  }

  @Test
  void messagesAtTheSameTimeAreOrderedById() {
    join(repository.append(message("m-a", 1)));
    join(repository.append(message("m-c", 1)));
    join(repository.append(message("m-b", 1)));

    assertThat(ids(history(1, 10, Optional.empty()))).containsExactly("m-c", "m-b", "m-a");
  }

  @Test
  void historyPagesThroughTheRoom() {
    appendFive();

    HistoryPage first = history(1, 2, Optional.empty());
    HistoryPage second = history(2, 2, Optional.empty());
    HistoryPage third = history(3, 2, Optional.empty());
    HistoryPage beyond = history(4, 2, Optional.empty());

    assertThat(ids(first)).containsExactly("m5", "m4");
    assertThat(first.hasMore()).isTrue();
    assertThat(ids(second)).containsExactly("m3", "m2");
    assertThat(second.hasMore()).isTrue();
    assertThat(second.page()).isEqualTo(2);
    assertThat(second.limit()).isEqualTo(2);
    assertThat(ids(third)).containsExactly("m1");
    assertThat(third.hasMore()).isFalse();
    assertThat(beyond.messages()).isEmpty();
    assertThat(beyond.hasMore()).isFalse();
  }

  @Test
  void aFullLastPageHasNoMore() {
    for (int i = 1; i <= 4; i++) {
      join(repository.append(message("m" + i, i)));
    }

    HistoryPage second = history(2, 2, Optional.empty());

    assertThat(ids(second)).containsExactly("m2", "m1");
    assertThat(second.hasMore()).isFalse();
  }

  @Test
  void beforeKeepsOnlyStrictlyOlderMessages() {
    appendFive();

    HistoryPage page = history(1, 10, Optional.of(T0.plusSeconds(3)));

    assertThat(ids(page)).containsExactly("m2", "m1");
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void beforeCombinesWithPaging() {
    appendFive();

    HistoryPage first = history(1, 1, Optional.of(T0.plusSeconds(4)));
    HistoryPage second = history(2, 1, Optional.of(T0.plusSeconds(4)));

    assertThat(ids(first)).containsExactly("m3");
    assertThat(first.hasMore()).isTrue();
    assertThat(ids(second)).containsExactly("m2");
  }

  @Test
  void historyHoldsOnlyItsRoom() {
    join(repository.append(message("mine", ROOM, T0, "a")));
    join(repository.append(message("theirs", RoomId.of("room-2"), T0.plusSeconds(1), "b")));

    assertThat(ids(history(1, 10, Optional.empty()))).containsExactly("mine");
    assertThat(
            join(repository.history(new HistoryQuery(RoomId.of("room-9"), 1, 10, Optional.empty())))
                .messages())
        .isEmpty();
  }
}
