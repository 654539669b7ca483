package bd.com.getit.realtime.adapter.memory;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.HistoryQuery;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.ChatRepositoryContract;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryChatRepositoryTest extends ChatRepositoryContract {

  @Override
  protected ChatRepository newRepository() {
    return new InMemoryChatRepository();
  }

  @Test
  void aRoomKeepsOnlyItsNewestMessages() {
    InMemoryChatRepository repository = new InMemoryChatRepository(3);
    RoomId room = RoomId.of("room-1");
    for (int i = 1; i <= 5; i++) {
      join(
          repository.append(
              new ChatMessage(
                  MessageId.of("m" + i),
                  room,
                  UserId.of("alice"),
                  Role.CUSTOMER,
                  MessageType.TEXT,
                  "hello " + i,
                  JsonObject.EMPTY,
                  MutableClock.DEFAULT_START.plusSeconds(i))));
    }

    assertThat(join(repository.history(new HistoryQuery(room, 1, 10, Optional.empty()))).messages())
        .extracting(m -> m.id().value())
        .containsExactly("m5", "m4", "m3");
    assertThat(join(repository.findMessage(MessageId.of("m1")))).isEmpty();
  }

  private static ChatMessage message(String id, RoomId room, int second) {
    return new ChatMessage(
        MessageId.of(id),
        room,
        UserId.of("alice"),
        Role.CUSTOMER,
        MessageType.TEXT,
        "hello " + id,
        JsonObject.EMPTY,
        MutableClock.DEFAULT_START.plusSeconds(second));
  }

  private static List<String> history(InMemoryChatRepository repository, RoomId room) {
    return join(repository.history(new HistoryQuery(room, 1, 100, Optional.empty())))
        .messages()
        .stream()
        .map(m -> m.id().value())
        .toList();
  }

  @Test
  void allRoomsTogetherKeepOnlyTheNewestMessagesOfTheTotalBound() {
    // 10 per room, 6 in all: many rooms must not add up past the total.
    InMemoryChatRepository repository = new InMemoryChatRepository(10, 6);
    RoomId a = RoomId.of("room-a");
    RoomId b = RoomId.of("room-b");
    RoomId c = RoomId.of("room-c");
    int second = 0;
    for (int i = 1; i <= 3; i++) {
      for (RoomId room : List.of(a, b, c)) {
        join(repository.append(message(room.value() + "-" + i, room, ++second)));
      }
    }

    assertThat(history(repository, a)).containsExactly("room-a-3", "room-a-2");
    assertThat(history(repository, b)).containsExactly("room-b-3", "room-b-2");
    assertThat(history(repository, c)).containsExactly("room-c-3", "room-c-2");
    assertThat(join(repository.findMessage(MessageId.of("room-a-1")))).isEmpty();
    assertThat(join(repository.findMessage(MessageId.of("room-c-2")))).isPresent();
  }

  @Test
  void theTotalBoundHoldsWhenRoomsAlsoForgetTheirOwn() {
    // A room's own bound forgets messages first; the total then counts only what is left.
    InMemoryChatRepository repository = new InMemoryChatRepository(2, 3);
    RoomId busy = RoomId.of("busy");
    RoomId quiet = RoomId.of("quiet");
    join(repository.append(message("q1", quiet, 1)));
    for (int i = 2; i <= 6; i++) {
      join(repository.append(message("b" + i, busy, i)));
    }
    join(repository.append(message("q7", quiet, 7)));

    assertThat(history(repository, busy)).containsExactly("b6", "b5");
    assertThat(history(repository, quiet)).containsExactly("q7");
    assertThat(join(repository.findMessage(MessageId.of("q1")))).isEmpty();
  }

  @Test
  void theDefaultTotalIsAnEighthOfTheHeapWithinItsLimits() {
    assertThat(InMemoryChatRepository.defaultMaxMessages(512L << 20)).isEqualTo(65_536);
    assertThat(InMemoryChatRepository.defaultMaxMessages(16L << 20)).isEqualTo(10_000);
    assertThat(InMemoryChatRepository.defaultMaxMessages(64L << 30)).isEqualTo(1_000_000);
  }

  @Test
  void refusesATotalBelowOne() {
    assertThatThrownBy(() -> new InMemoryChatRepository(10, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxMessages");
  }
}
