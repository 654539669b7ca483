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
import bd.com.getit.realtime.domain.chat.ClientMessageId;
import bd.com.getit.realtime.domain.chat.HistoryPage;
import bd.com.getit.realtime.domain.chat.HistoryQuery;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomListQuery;
import bd.com.getit.realtime.domain.chat.RoomPage;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomSummary;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.domain.chat.SentMessage;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.testkit.Concurrently;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
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
            .map(u -> new Participant(u, ParticipantRole.CUSTOMER, T0, Optional.empty()))
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

  private static ChatMessage from(UserId sender, String id, RoomId room, Instant at) {
    return new ChatMessage(
        MessageId.of(id),
        room,
        sender,
        sender.equals(AGENT) ? Role.SUPPORT_AGENT : Role.CUSTOMER,
        MessageType.TEXT,
        "টেক্সট " + id,
        JsonObject.EMPTY,
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

  // --- the room listing of PROTOCOL 10.2 ---

  private static final Duration WINDOW = Duration.ofHours(24);
  private static final ClientMessageId CLIENT_ID = ClientMessageId.of("phone-7.retry_1");

  private RoomPage page(UserId user, Optional<RoomStatus> status, int limit, Instant before) {
    return join(
        repository.roomPage(new RoomListQuery(user, status, limit, Optional.ofNullable(before))));
  }

  private static List<String> roomIds(RoomPage page) {
    return page.rooms().stream().map(r -> r.room().id().value()).toList();
  }

  @Test
  void roomPageListsTheUsersRoomsLatestActivityFirstWithTheirLastMessage() {
    join(repository.saveRoom(room("room-a", CUSTOMER, AGENT)));
    join(repository.saveRoom(room("room-b", CUSTOMER, AGENT)));
    join(repository.saveRoom(room("room-c", AGENT)));
    join(repository.append(from(AGENT, "a1", RoomId.of("room-a"), T0.plusSeconds(5))));
    join(repository.append(from(CUSTOMER, "b1", RoomId.of("room-b"), T0.plusSeconds(3))));
    join(repository.append(from(AGENT, "b2", RoomId.of("room-b"), T0.plusSeconds(9))));

    RoomPage page = page(CUSTOMER, Optional.empty(), 10, null);

    assertThat(roomIds(page)).containsExactly("room-b", "room-a");
    assertThat(page.hasMore()).isFalse();
    RoomSummary b = page.rooms().get(0);
    assertThat(b.lastActivity()).isEqualTo(T0.plusSeconds(9));
    assertThat(b.lastMessage().map(m -> m.id().value())).contains("b2");
    assertThat(b.lastMessage().map(ChatMessage::text)).contains("টেক্সট b2");
    assertThat(b.room()).isEqualTo(room("room-b", CUSTOMER, AGENT));
  }

  @Test
  void aRoomWithNoMessageIsActiveSinceItsCreation() {
    join(repository.saveRoom(room("room-a", CUSTOMER)));

    RoomSummary only = page(CUSTOMER, Optional.empty(), 10, null).rooms().get(0);

    assertThat(only.lastActivity()).isEqualTo(T0);
    assertThat(only.lastMessage()).isEmpty();
    assertThat(only.unreadCount()).isZero();
  }

  @Test
  void unreadCountCountsOtherSendersMessagesAfterTheReadMark() {
    ChatRoom base = room("room-a", CUSTOMER, AGENT);
    join(repository.saveRoom(base));
    RoomId id = base.id();
    join(repository.append(from(AGENT, "m1", id, T0.plusSeconds(1))));
    join(repository.append(from(AGENT, "m2", id, T0.plusSeconds(2))));
    join(repository.append(from(CUSTOMER, "m3", id, T0.plusSeconds(3))));
    join(repository.append(from(AGENT, "m4", id, T0.plusSeconds(4))));

    assertThat(page(CUSTOMER, Optional.empty(), 10, null).rooms().get(0).unreadCount())
        .as("no read mark: every message of the others")
        .isEqualTo(3);
    assertThat(page(AGENT, Optional.empty(), 10, null).rooms().get(0).unreadCount())
        .as("the agent's own messages are never unread")
        .isEqualTo(1);

    join(
        repository.saveRoom(
            base.with(base.participant(CUSTOMER).orElseThrow().readUpTo(T0.plusSeconds(2)))));

    assertThat(page(CUSTOMER, Optional.empty(), 10, null).rooms().get(0).unreadCount())
        .as("m2 read: only m4 is newer from the agent")
        .isEqualTo(1);
  }

  @Test
  void roomPageFiltersByStatusAndPagesByLastActivity() {
    for (int i = 1; i <= 5; i++) {
      ChatRoom r = room("room-" + i, CUSTOMER, AGENT);
      join(repository.saveRoom(i == 2 ? r.withStatus(RoomStatus.ARCHIVED) : r));
      join(repository.append(from(AGENT, "m" + i, r.id(), T0.plusSeconds(i))));
    }

    RoomPage first = page(CUSTOMER, Optional.empty(), 2, null);
    RoomPage second = page(CUSTOMER, Optional.empty(), 2, first.rooms().get(1).lastActivity());
    RoomPage last = page(CUSTOMER, Optional.empty(), 2, second.rooms().get(1).lastActivity());
    RoomPage active = page(CUSTOMER, Optional.of(RoomStatus.ACTIVE), 10, null);
    RoomPage archived = page(AGENT, Optional.of(RoomStatus.ARCHIVED), 10, null);

    assertThat(roomIds(first)).containsExactly("room-5", "room-4");
    assertThat(first.hasMore()).isTrue();
    assertThat(roomIds(second)).containsExactly("room-3", "room-2");
    assertThat(second.hasMore()).isTrue();
    assertThat(roomIds(last)).containsExactly("room-1");
    assertThat(last.hasMore()).isFalse();
    assertThat(roomIds(active)).containsExactly("room-5", "room-4", "room-3", "room-1");
    assertThat(roomIds(archived)).containsExactly("room-2");
    assertThat(archived.rooms().get(0).room().status()).isEqualTo(RoomStatus.ARCHIVED);
  }

  @Test
  void aClosedOrArchivedRoomIsStoredWithItsStatus() {
    ChatRoom closed = room("room-1", CUSTOMER, AGENT).withStatus(RoomStatus.CLOSED);
    join(repository.saveRoom(closed));
    assertThat(join(repository.findRoom(closed.id()))).contains(closed);

    ChatRoom archived = closed.withStatus(RoomStatus.ARCHIVED);
    join(repository.saveRoom(archived));
    assertThat(join(repository.findRoom(closed.id()))).contains(archived);
    assertThat(join(repository.roomsOf(AGENT))).containsExactly(archived);
  }

  @Test
  void aParticipantWhoLeftNoLongerListsTheRoom() {
    ChatRoom both = room("room-1", CUSTOMER, AGENT);
    join(repository.saveRoom(both));
    join(repository.saveRoom(both.without(AGENT)));

    assertThat(page(AGENT, Optional.empty(), 10, null).rooms()).isEmpty();
    assertThat(roomIds(page(CUSTOMER, Optional.empty(), 10, null))).containsExactly("room-1");
  }

  // --- client message ids (PROTOCOL 10.2) ---

  @Test
  void appendOnceStoresTheFirstSendAndAnswersARetryWithIt() {
    ChatMessage first = from(CUSTOMER, "m1", ROOM, T0);
    ChatMessage retry = from(CUSTOMER, "m2", ROOM, T0.plusSeconds(30));

    assertThat(join(repository.appendOnce(first, CLIENT_ID, WINDOW))).isEmpty();
    assertThat(join(repository.appendOnce(retry, CLIENT_ID, WINDOW)))
        .contains(new SentMessage(MessageId.of("m1"), T0));

    assertThat(ids(history(1, 10, Optional.empty()))).containsExactly("m1");
    assertThat(join(repository.findMessage(MessageId.of("m2")))).isEmpty();
    assertThat(join(repository.findSent(ROOM, CUSTOMER, CLIENT_ID, T0.minusSeconds(1))))
        .contains(new SentMessage(MessageId.of("m1"), T0));
  }

  @Test
  void aClientIdIsPerSenderAndRoom() {
    assertThat(join(repository.appendOnce(from(CUSTOMER, "m1", ROOM, T0), CLIENT_ID, WINDOW)))
        .isEmpty();
    assertThat(join(repository.appendOnce(from(AGENT, "m2", ROOM, T0), CLIENT_ID, WINDOW)))
        .as("another sender")
        .isEmpty();
    assertThat(
            join(
                repository.appendOnce(
                    from(CUSTOMER, "m3", RoomId.of("room-2"), T0), CLIENT_ID, WINDOW)))
        .as("another room")
        .isEmpty();
    assertThat(
            join(
                repository.appendOnce(
                    from(CUSTOMER, "m4", ROOM, T0), ClientMessageId.of("other"), WINDOW)))
        .as("another id")
        .isEmpty();

    assertThat(ids(history(1, 10, Optional.empty()))).containsExactlyInAnyOrder("m1", "m2", "m4");
    assertThat(join(repository.findSent(ROOM, AGENT, CLIENT_ID, T0.minusSeconds(1))))
        .contains(new SentMessage(MessageId.of("m2"), T0));
  }

  @Test
  void aClientIdIsForgottenAfterTheWindow() {
    join(repository.appendOnce(from(CUSTOMER, "m1", ROOM, T0), CLIENT_ID, WINDOW));
    ChatMessage late = from(CUSTOMER, "m2", ROOM, T0.plus(WINDOW));

    assertThat(join(repository.findSent(ROOM, CUSTOMER, CLIENT_ID, T0))).isEmpty();
    assertThat(join(repository.appendOnce(late, CLIENT_ID, WINDOW))).isEmpty();
    assertThat(
            join(
                repository.appendOnce(
                    from(CUSTOMER, "m3", ROOM, T0.plus(WINDOW)), CLIENT_ID, WINDOW)))
        .as("the new send is the one remembered now")
        .contains(new SentMessage(MessageId.of("m2"), T0.plus(WINDOW)));
    assertThat(ids(history(1, 10, Optional.empty()))).containsExactly("m2", "m1");
  }

  @Test
  void concurrentSendsOfOneClientIdStoreOneMessage() {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    List<Optional<SentMessage>> outcomes =
        Concurrently.call(
            8,
            () ->
                join(
                    repository.appendOnce(
                        from(CUSTOMER, "m" + n.incrementAndGet(), ROOM, T0), CLIENT_ID, WINDOW)));

    assertThat(outcomes.stream().filter(Optional::isEmpty).count()).isEqualTo(1);
    List<String> stored = ids(history(1, 10, Optional.empty()));
    assertThat(stored).hasSize(1);
    assertThat(outcomes)
        .filteredOn(Optional::isPresent)
        .allSatisfy(o -> assertThat(o.get().id().value()).isEqualTo(stored.get(0)));
  }
}
