package bd.com.getit.realtime.adapter.memory;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

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
}
