package bd.com.getit.realtime.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.adapter.memory.InMemoryChatRepository;
import bd.com.getit.realtime.adapter.memory.InMemorySpamLedger;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.core.testing.CapturingFanout;
import bd.com.getit.realtime.core.testing.Fixtures;
import bd.com.getit.realtime.core.testing.RecordingRateLimiter;
import bd.com.getit.realtime.core.testing.SlowStages;
import bd.com.getit.realtime.core.text.MessageSanitizer;
import bd.com.getit.realtime.core.text.SpamDetector;
import bd.com.getit.realtime.core.text.SpamRules;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.port.in.MessagingUseCase.SendMessageCommand;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.SequentialIds;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A store that answers later, on another thread: the message completes when the store has. */
class MessagingServiceDelayedStoreTest {
  private static final Principal ALICE = Fixtures.customer("alice");
  private static final Principal BOB = Fixtures.customer("bob");

  private final MutableClock clock = new MutableClock();
  private final InMemoryChatRepository chats = new InMemoryChatRepository();
  private final ChatRepository slow = SlowStages.delayed(chats);
  private final CapturingFanout fanout = new CapturingFanout();
  private final MessagingService service =
      new MessagingService(
          slow,
          fanout,
          new LocalSessions(),
          clock,
          new SequentialIds(),
          new RecordingRateLimiter(),
          new MessageSanitizer(),
          new SpamDetector(SpamRules.DEFAULTS, new InMemorySpamLedger(), clock),
          ChatRules.DEFAULTS);

  private void room(String id, RoomStatus status) {
    waitFor(
        chats.saveRoom(
            new ChatRoom(
                RoomId.of(id),
                RoomType.GROUP_CHAT,
                status,
                ALICE.user(),
                JsonObject.EMPTY,
                List.of(
                    new Participant(
                        ALICE.user(),
                        ParticipantRole.CUSTOMER,
                        MutableClock.DEFAULT_START,
                        Optional.empty()),
                    new Participant(
                        BOB.user(),
                        ParticipantRole.CUSTOMER,
                        MutableClock.DEFAULT_START,
                        Optional.empty())),
                MutableClock.DEFAULT_START)));
  }

  private static <T> T waitFor(CompletionStage<T> stage) {
    return stage.toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }

  private static SendMessageCommand send(String room, String text, String clientId) {
    return new SendMessageCommand(
        Fixtures.rest(ALICE),
        "chat:" + room,
        text,
        "text",
        JsonObject.EMPTY,
        Optional.ofNullable(clientId));
  }

  @Test
  void aMessageIsStoredAndPublishedOnceTheStoreAnswers() {
    room("r1", RoomStatus.ACTIVE);

    ChatMessage first = waitFor(service.sendMessage(send("r1", "hello", "k1")));
    ChatMessage retry = waitFor(service.sendMessage(send("r1", "hello", "k1")));
    ChatMessage plain = waitFor(service.sendMessage(send("r1", "again", null)));

    assertThat(first.text()).isEqualTo("hello");
    assertThat(retry.id()).isEqualTo(first.id());
    assertThat(fanout.events()).hasSize(2);
    assertThat(fanout.events().get(1).data().text("message")).contains("again");
    assertThat(plain.id()).isNotEqualTo(first.id());
  }

  @Test
  void aClosedOrMissingRoomFailsTheStageWithItsCode() {
    room("r2", RoomStatus.CLOSED);

    assertThatThrownBy(() -> waitFor(service.sendMessage(send("r2", "hi", null))))
        .isInstanceOf(CompletionException.class)
        .extracting(e -> RealtimeException.of(e).code())
        .isEqualTo(ErrorCode.CONFLICT);
    assertThatThrownBy(() -> waitFor(service.sendMessage(send("nope", "hi", null))))
        .extracting(e -> RealtimeException.of(e).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(fanout.events()).isEmpty();
  }
}
