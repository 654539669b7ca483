package bd.com.getit.realtime.core.chat;

import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static bd.com.getit.realtime.core.testing.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.adapter.memory.InMemoryChatRepository;
import bd.com.getit.realtime.adapter.memory.InMemorySpamLedger;
import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.core.testing.CapturingFanout;
import bd.com.getit.realtime.core.testing.Fixtures;
import bd.com.getit.realtime.core.testing.RecordingRateLimiter;
import bd.com.getit.realtime.core.text.MessageSanitizer;
import bd.com.getit.realtime.core.text.SpamDetector;
import bd.com.getit.realtime.core.text.SpamRules;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.HistoryQuery;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.port.in.MessagingUseCase.SendMessageCommand;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.SequentialIds;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The send rules of PROTOCOL 10.2: a retry with a {@code client_msg_id} is answered with the first
 * message and neither stored nor delivered again; an {@code image} or {@code file} message carries
 * a valid attachment reference or is refused with nothing stored; a room that is not active takes
 * no message.
 */
class SendOnceAndAttachmentsTest {
  private static final Principal ALICE = Fixtures.customer("alice");
  private static final Principal BOB = Fixtures.customer("bob");
  private static final RoomId ROOM = RoomId.of("r1");
  private static final String CDN = "cdn.getit.com.bd";

  private final MutableClock clock = new MutableClock();
  private final InMemoryChatRepository chats = new InMemoryChatRepository();
  private final CapturingFanout fanout = new CapturingFanout();
  private final RecordingRateLimiter limiter = new RecordingRateLimiter();
  private final MessagingService service =
      new MessagingService(
          served(chats),
          fanout,
          new LocalSessions(),
          clock,
          new SequentialIds(),
          limiter,
          new MessageSanitizer(),
          new SpamDetector(SpamRules.DEFAULTS, new InMemorySpamLedger(), clock),
          ChatRules.DEFAULTS.withAttachmentHosts(Set.of(CDN, " Files.Example.COM ")));

  /** The repository the service is given: the in-memory one as it is, in this class. */
  ChatRepository served(ChatRepository repository) {
    return repository;
  }

  @BeforeEach
  void aRoomOfAliceAndBob() {
    done(chats.saveRoom(room(RoomStatus.ACTIVE)));
  }

  private static ChatRoom room(RoomStatus status) {
    return new ChatRoom(
        ROOM,
        RoomType.CUSTOMER_SUPPORT,
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
                ParticipantRole.SUPPORT_AGENT,
                MutableClock.DEFAULT_START,
                Optional.empty())),
        MutableClock.DEFAULT_START);
  }

  private static SendMessageCommand send(
      Caller caller, String text, String type, JsonObject metadata, String clientMsgId) {
    return new SendMessageCommand(
        caller, "chat:r1", text, type, metadata, Optional.ofNullable(clientMsgId));
  }

  private List<String> stored() {
    return done(chats.history(new HistoryQuery(ROOM, 1, 100, Optional.empty()))).messages().stream()
        .map(ChatMessage::text)
        .toList();
  }

  private static JsonObject attachment(String url, String mime, JsonValue size) {
    JsonObject.Builder a = JsonObject.builder().put("mime_type", mime).put("name", "রসিদ.pdf");
    if (url != null) {
      a.put("url", url);
    }
    if (size != null) {
      a.put("size_bytes", size);
    }
    return JsonObject.builder().put("attachment", a.build()).build();
  }

  @Test
  void aRetryGetsTheFirstMessageBackAndIsNeitherStoredNorDeliveredAgain() {
    Caller alice = Fixtures.rest(ALICE);
    ChatMessage first =
        done(
            service.sendMessage(
                send(alice, "আমার অর্ডার কোথায়?", "text", JsonObject.EMPTY, "m-1")));
    clock.advance(Duration.ofMinutes(5));

    ChatMessage retry =
        done(
            service.sendMessage(
                send(alice, "আমার অর্ডার কোথায়?", "text", JsonObject.EMPTY, "m-1")));

    assertThat(retry.id()).isEqualTo(first.id());
    assertThat(retry.timestamp()).isEqualTo(first.timestamp());
    assertThat(stored()).containsExactly("আমার অর্ডার কোথায়?");
    assertThat(fanout.events()).hasSize(1);
    assertThat(limiter.actions())
        .as("a retry is not counted against the send limit")
        .containsExactly(RateLimiter.Action.SEND_MESSAGE);
  }

  @Test
  void retriesAreNotSpam() {
    Caller alice = Fixtures.rest(ALICE);
    for (int i = 0; i < SpamRules.DEFAULTS.maxRepeats() + 3; i++) {
      done(service.sendMessage(send(alice, "hello", "text", JsonObject.EMPTY, "same")));
    }
    assertThat(stored()).containsExactly("hello");
  }

  @Test
  void anotherSenderOrAnotherIdIsANewMessageAndTheWindowEnds() {
    done(service.sendMessage(send(Fixtures.rest(ALICE), "one", "text", JsonObject.EMPTY, "k")));
    done(service.sendMessage(send(Fixtures.rest(BOB), "two", "text", JsonObject.EMPTY, "k")));
    done(service.sendMessage(send(Fixtures.rest(ALICE), "three", "text", JsonObject.EMPTY, "k2")));
    done(service.sendMessage(send(Fixtures.rest(ALICE), "four", "text", JsonObject.EMPTY, null)));
    clock.advance(ChatRules.CLIENT_ID_WINDOW);
    done(service.sendMessage(send(Fixtures.rest(ALICE), "five", "text", JsonObject.EMPTY, "k")));

    assertThat(stored()).containsExactly("five", "four", "three", "two", "one");
    assertThat(fanout.events()).hasSize(5);
  }

  @Test
  void aMalformedClientMsgIdIsRefusedAndNothingStored() {
    for (String bad : new String[] {"", "x".repeat(65), "two words", "বার্তা"}) {
      assertThat(
              code(
                  service.sendMessage(
                      send(Fixtures.rest(ALICE), "hi", "text", JsonObject.EMPTY, bad))))
          .as(bad)
          .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    }
    assertThat(stored()).isEmpty();
    assertThat(fanout.events()).isEmpty();
  }

  @Test
  void aValidAttachmentIsStoredAndRelayedAsAReference() {
    JsonObject meta =
        attachment("https://cdn.getit.com.bd/u/42/receipt.pdf", "application/pdf", num(52_000));
    ChatMessage m =
        done(service.sendMessage(send(Fixtures.rest(ALICE), "রসিদ", "file", meta, null)));

    assertThat(m.metadata()).isEqualTo(meta);
    assertThat(fanout.only().data().toJson()).contains("https://cdn.getit.com.bd/u/42/receipt.pdf");
    JsonObject image =
        attachment("https://FILES.example.com/a.jpg", "image/jpeg", num(Attachments.MAX_BYTES));
    done(service.sendMessage(send(Fixtures.rest(ALICE), "ছবি", "image", image, null)));
    assertThat(stored()).hasSize(2);
  }

  @Test
  void aBadAttachmentIsRefusedWithAClearReasonAndNothingIsStored() {
    String ok = "https://cdn.getit.com.bd/a.png";
    List<Object[]> cases =
        List.of(
            new Object[] {JsonObject.EMPTY, "need metadata.attachment"},
            new Object[] {attachment(null, "image/png", num(10)), "url must be a string"},
            new Object[] {
              attachment("http://cdn.getit.com.bd/a.png", "image/png", num(10)), "https"
            },
            new Object[] {
              attachment("https://evil.example.org/a.png", "image/png", num(10)), "allowed list"
            },
            new Object[] {
              attachment("https://cdn.getit.com.bd.evil.org/a.png", "image/png", num(10)),
              "allowed list"
            },
            new Object[] {
              attachment("https://user:pw@cdn.getit.com.bd/a.png", "image/png", num(10)),
              "user name"
            },
            new Object[] {attachment("not a url at all", "image/png", num(10)), "not a URL"},
            new Object[] {attachment(ok, "png", num(10)), "type/subtype"},
            new Object[] {attachment(ok, "image/png", null), "size_bytes"},
            new Object[] {attachment(ok, "image/png", num(0)), "1 to"},
            new Object[] {attachment(ok, "image/png", num(Attachments.MAX_BYTES + 1)), "1 to"},
            new Object[] {
              attachment(ok, "image/png", new JsonValue.JsonString("10")), "number of bytes"
            },
            new Object[] {
              attachment(ok, "image/png", JsonValue.JsonNumber.of(1.5)), "whole number"
            });
    for (Object[] c : cases) {
      assertThat(
              failure(
                  service.sendMessage(
                      send(Fixtures.rest(ALICE), "x", "image", (JsonObject) c[0], null))))
          .as((String) c[1])
          .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_INVALID))
          .hasMessageContaining((String) c[1]);
    }
    assertThat(stored()).isEmpty();
    assertThat(fanout.events()).isEmpty();
  }

  @Test
  void textMessagesNeedNoAttachment() {
    done(service.sendMessage(send(Fixtures.rest(ALICE), "hi", "text", JsonObject.EMPTY, null)));
    assertThat(stored()).containsExactly("hi");
  }

  @Test
  void withNoAttachmentHostConfiguredNoAttachmentIsTaken() {
    JsonObject meta = attachment("https://cdn.getit.com.bd/a.png", "image/png", num(10));
    assertThatThrownBy(
            () ->
                Attachments.check(
                    bd.com.getit.realtime.domain.chat.MessageType.IMAGE, meta, Set.of()))
        .hasMessageContaining("allowed list");
  }

  @Test
  void aClosedOrArchivedRoomTakesNoMessage() {
    for (RoomStatus status : List.of(RoomStatus.CLOSED, RoomStatus.ARCHIVED)) {
      done(chats.saveRoom(room(status)));
      assertThat(
              code(
                  service.sendMessage(
                      send(Fixtures.rest(ALICE), "hi", "text", JsonObject.EMPTY, "r-" + status))))
          .as(status.wireName())
          .isEqualTo(ErrorCode.CONFLICT);
    }
    assertThat(stored()).isEmpty();
  }

  @Test
  void attachmentHostsMustBeHostNames() {
    assertThatThrownBy(() -> ChatRules.DEFAULTS.withAttachmentHosts(Set.of("https://cdn.x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https://cdn.x");
    assertThat(ChatRules.DEFAULTS.attachmentHosts()).isEmpty();
    assertThat(ChatRules.DEFAULTS.clientIdWindow()).isEqualTo(Duration.ofHours(24));
  }

  private static JsonValue num(long n) {
    return JsonValue.JsonNumber.of(n);
  }
}
