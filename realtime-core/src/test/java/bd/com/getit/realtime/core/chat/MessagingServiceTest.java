package bd.com.getit.realtime.core.chat;

import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

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
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventKind;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.HistoryQuery;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.port.in.MessagingUseCase.BroadcastCommand;
import bd.com.getit.realtime.port.in.MessagingUseCase.SendMessageCommand;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.SequentialIds;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessagingServiceTest {

  private static final Principal ALICE = Fixtures.customer("alice");
  private static final Principal BOB = Fixtures.customer("bob");
  private static final Principal CAROL = Fixtures.customer("carol");
  private static final Principal EVE = Fixtures.customer("eve");
  private static final Principal AGENT = Fixtures.agent("agent1");
  private static final ChannelName ROOM_CHANNEL = ChannelName.parse("chat:r1");
  private static final Duration TTL = Duration.ofHours(12);

  private final MutableClock clock = new MutableClock();
  private final InMemoryChatRepository chats = new InMemoryChatRepository();
  private final CapturingFanout fanout = new CapturingFanout();
  private final LocalSessions subscriptions = new LocalSessions();
  private final RecordingRateLimiter limiter = new RecordingRateLimiter();
  private final MessagingService service = service(chats);

  /** The repository the service is given: the in-memory one as it is, in this class. */
  ChatRepository served(ChatRepository repository) {
    return repository;
  }

  private MessagingService service(ChatRepository repository) {
    return new MessagingService(
        served(repository),
        fanout,
        subscriptions,
        clock,
        new SequentialIds(),
        limiter,
        new MessageSanitizer(),
        new SpamDetector(SpamRules.DEFAULTS, new InMemorySpamLedger(), clock),
        new ChatRules(100, 64, TTL));
  }

  private static ChatRoom room(RoomStatus status) {
    return new ChatRoom(
        RoomId.of("r1"),
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
                BOB.user(), ParticipantRole.CUSTOMER, MutableClock.DEFAULT_START, Optional.empty()),
            new Participant(
                CAROL.user(),
                ParticipantRole.CUSTOMER,
                MutableClock.DEFAULT_START,
                Optional.empty())),
        MutableClock.DEFAULT_START);
  }

  @BeforeEach
  void aRoomAliceHasJoined() {
    done(chats.saveRoom(room(RoomStatus.ACTIVE)));
    subscriptions.add(ALICE, Fixtures.info("a1", "alice", "chat:r1"));
  }

  /** Alice's socket a1 joins one more channel. */
  private void aliceJoins(String channel) {
    assertThat(subscriptions.join(ConnectionId.of("a1"), ChannelName.parse(channel), 100))
        .isEqualTo(LocalSessions.JoinOutcome.JOINED);
  }

  private static SendMessageCommand send(Caller caller, String channel, String text, String type) {
    return new SendMessageCommand(caller, channel, text, type, JsonObject.EMPTY);
  }

  private ChatMessage sent(SendMessageCommand command) {
    return done(service.sendMessage(command));
  }

  private ErrorCode refused(SendMessageCommand command) {
    return code(service.sendMessage(command));
  }

  /** Every message the repository holds for room r1, read through the port. */
  private List<ChatMessage> stored() {
    return done(chats.history(
            new HistoryQuery(RoomId.of("r1"), 1, HistoryQuery.MAX_LIMIT, Optional.empty())))
        .messages();
  }

  private void assertNothingSent() {
    assertThat(stored()).isEmpty();
    assertThat(fanout.events()).isEmpty();
  }

  @Test
  void messageIsStoredAndPublishedToTheRoomButNotTheSendingSocket() {
    clock.advance(Duration.ofSeconds(7));
    JsonObject meta = JsonObject.builder().put("product_id", "p1").build();
    ChatMessage m =
        sent(
            new SendMessageCommand(
                Fixtures.socket(ALICE, "a1"),
                "chat:r1",
                "Is it <b>in stock</b>?",
                "product",
                meta));

    assertThat(m.id().value()).isEqualTo("id-1");
    assertThat(m.room()).isEqualTo(RoomId.of("r1"));
    assertThat(m.sender()).isEqualTo(ALICE.user());
    assertThat(m.senderRole()).isEqualTo(Role.CUSTOMER);
    assertThat(m.type()).isEqualTo(MessageType.PRODUCT);
    assertThat(m.text()).isEqualTo("Is it in stock?");
    assertThat(m.metadata()).isEqualTo(meta);
    assertThat(m.timestamp()).isEqualTo(clock.now());
    assertThat(stored()).containsExactly(m);

    CapturingFanout.Published p = fanout.published().get(0);
    assertThat(p.except()).contains(ConnectionId.of("a1"));
    Event e = p.event();
    assertThat(e.id().value()).isEqualTo("id-2");
    assertThat(e.name()).isEqualTo("message");
    assertThat(e.channel()).isEqualTo(ROOM_CHANNEL);
    assertThat(e.data()).isEqualTo(m.toPayload());
    assertThat(e.recipients())
        .containsExactly(ChannelName.user(BOB.user()), ChannelName.user(CAROL.user()));
    assertThat(e.priority()).isEqualTo(Priority.HIGH);
    assertThat(e.ttl()).isEqualTo(TTL);
    assertThat(e.persist()).isFalse();
    assertThat(e.timestamp()).isEqualTo(m.timestamp());
    assertThat(limiter.actions()).containsExactly(RateLimiter.Action.SEND_MESSAGE);
  }

  @Test
  void typeDefaultsToTextAndMustBeKnown() {
    assertThat(sent(send(Fixtures.socket(ALICE, "a1"), "chat:r1", "one", null)).type())
        .isEqualTo(MessageType.TEXT);
    assertThat(sent(send(Fixtures.socket(ALICE, "a1"), "chat:r1", "two", "product")).type())
        .isEqualTo(MessageType.PRODUCT);
    assertThat(refused(send(Fixtures.socket(ALICE, "a1"), "chat:r1", "three", "video")))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(refused(send(Fixtures.socket(ALICE, "a1"), "chat:r1", "three", "TEXT")))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(stored()).hasSize(2);
    assertThat(limiter.checks()).hasSize(2); // a bad type is refused before it costs a permit
  }

  @Test
  void onlyChatChannelsTakeMessages() {
    Caller alice = Fixtures.socket(ALICE, "a1");
    aliceJoins("product:1");
    assertThat(refused(send(alice, "product:1", "hi", "text")))
        .isEqualTo(ErrorCode.READ_ONLY_CHANNEL);
    assertThat(refused(send(alice, "user:alice", "hi", "text")))
        .isEqualTo(ErrorCode.READ_ONLY_CHANNEL);
    assertThat(refused(send(alice, "chat", "hi", "text"))).isEqualTo(ErrorCode.CHANNEL_INVALID);
    assertThat(refused(send(alice, null, "hi", "text"))).isEqualTo(ErrorCode.CHANNEL_INVALID);
    assertThat(refused(send(alice, "room:r1", "hi", "text"))).isEqualTo(ErrorCode.CHANNEL_UNKNOWN);
    assertNothingSent();
    assertThat(limiter.checks()).isEmpty();
  }

  @Test
  void socketMustHaveJoinedTheChannel() {
    assertThat(refused(send(Fixtures.socket(BOB, "b1"), "chat:r1", "hi", "text")))
        .isEqualTo(ErrorCode.NOT_SUBSCRIBED);
    assertThat(refused(send(Fixtures.socket(ALICE, "a2"), "chat:r1", "hi", "text")))
        .isEqualTo(ErrorCode.NOT_SUBSCRIBED);
    assertNothingSent();
  }

  @Test
  void restSendersMustBeParticipantsOrStaff() {
    ChatMessage fromBob = sent(send(Fixtures.rest(BOB), "chat:r1", "hello", "text"));
    assertThat(fanout.published().get(0).except()).isEmpty();
    assertThat(fanout.events().get(0).recipients())
        .containsExactly(ChannelName.user(ALICE.user()), ChannelName.user(CAROL.user()));
    ChatMessage fromAgent = sent(send(Fixtures.rest(AGENT), "chat:r1", "how can I help", "text"));
    assertThat(fromAgent.senderRole()).isEqualTo(Role.SUPPORT_AGENT);
    assertThat(fanout.events().get(1).recipients()).hasSize(3);
    assertThat(refused(send(Fixtures.rest(EVE), "chat:r1", "let me in", "text")))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(stored()).containsExactlyInAnyOrder(fromBob, fromAgent);
  }

  @Test
  void roomMustExistAndBeActive() {
    aliceJoins("chat:gone");
    assertThat(refused(send(Fixtures.socket(ALICE, "a1"), "chat:gone", "hi", "text")))
        .isEqualTo(ErrorCode.NOT_FOUND);
    done(chats.saveRoom(room(RoomStatus.CLOSED)));
    assertThat(refused(send(Fixtures.socket(ALICE, "a1"), "chat:r1", "hi", "text")))
        .isEqualTo(ErrorCode.CONFLICT);
    assertThat(refused(send(Fixtures.rest(ALICE), "chat:r1", "hi", "text")))
        .isEqualTo(ErrorCode.CONFLICT);
    assertNothingSent();
  }

  @Test
  void rateLimitedMessageIsNotStored() {
    limiter.deny(RateLimiter.Action.SEND_MESSAGE);
    assertThat(refused(send(Fixtures.socket(ALICE, "a1"), "chat:r1", "hi", "text")))
        .isEqualTo(ErrorCode.RATE_LIMITED);
    assertNothingSent();
  }

  @Test
  void textIsCheckedAfterCleaning() {
    Caller alice = Fixtures.socket(ALICE, "a1");
    assertThat(refused(send(alice, "chat:r1", "<script>x</script>", "text")))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(refused(send(alice, "chat:r1", null, "text"))).isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(refused(send(alice, "chat:r1", "a".repeat(4001), "text")))
        .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    assertThat(
            refused(
                new SendMessageCommand(
                    alice,
                    "chat:r1",
                    "hi",
                    "text",
                    JsonObject.builder().put("k", "x".repeat(64)).build())))
        .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    assertNothingSent();
  }

  @Test
  void spamIsRefused() {
    Caller alice = Fixtures.socket(ALICE, "a1");
    for (int i = 0; i < 3; i++) {
      sent(send(alice, "chat:r1", "cheap phones", "text"));
    }
    assertThat(refused(send(alice, "chat:r1", "Cheap  PHONES", "text")))
        .isEqualTo(ErrorCode.SPAM_DETECTED);
    assertThat(stored()).hasSize(3);
    assertThat(fanout.events()).hasSize(3);
  }

  @Test
  void aMessageStoredBeforeIsNotPublishedAgain() {
    ChatRepository repository = mock(ChatRepository.class);
    when(repository.findRoom(RoomId.of("r1")))
        .thenReturn(CompletableFuture.completedFuture(Optional.of(room(RoomStatus.ACTIVE))));
    when(repository.append(any())).thenReturn(CompletableFuture.completedFuture(false));
    ChatMessage m =
        done(service(repository).sendMessage(send(Fixtures.rest(ALICE), "chat:r1", "hi", "text")));
    assertThat(m.text()).isEqualTo("hi");
    assertThat(fanout.events()).isEmpty();
  }

  @Test
  void adminsAndServicesBroadcastAnywhere() {
    clock.advance(Duration.ofSeconds(3));
    JsonObject data = JsonObject.builder().put("new_price", 990).build();
    Event e =
        done(
            service.broadcast(
                new BroadcastCommand(
                    Fixtures.socket(Fixtures.admin("root"), "x1"),
                    "product:123",
                    "product_price_change",
                    data)));

    assertThat(e.name()).isEqualTo("product_price_change");
    assertThat(e.channel().toString()).isEqualTo("product:123");
    assertThat(e.data()).isEqualTo(data);
    assertThat(e.priority()).isEqualTo(Priority.MEDIUM);
    assertThat(e.timestamp()).isEqualTo(clock.now());
    assertThat(e.ttl()).isZero();
    assertThat(e.recipients()).isEmpty();
    assertThat(fanout.published())
        .containsExactly(new CapturingFanout.Published(e, Optional.empty()));
    assertThat(limiter.actions()).containsExactly(RateLimiter.Action.BROADCAST_EVENT);

    done(
        service.broadcast(
            new BroadcastCommand(
                Fixtures.rest(Fixtures.service("catalog")),
                "system:announcements",
                "sale_started",
                JsonObject.EMPTY)));
    assertThat(fanout.events()).hasSize(2);
  }

  @Test
  void vendorsBroadcastOnlyOnTheirOwnChannel() {
    Principal seller = Fixtures.vendor("seller", "v42");
    done(
        service.broadcast(
            new BroadcastCommand(
                Fixtures.rest(seller), "vendor:v42", "new_order", JsonObject.EMPTY)));
    assertThat(fanout.events()).hasSize(1);
    for (String channel : List.of("vendor:v7", "product:1", "system:announcements")) {
      assertThat(
              code(
                  service.broadcast(
                      new BroadcastCommand(
                          Fixtures.rest(seller), channel, "new_order", JsonObject.EMPTY))))
          .as(channel)
          .isEqualTo(ErrorCode.FORBIDDEN);
    }
    Principal noVendor = Principal.of(seller.user(), java.util.Set.of(Role.VENDOR));
    assertThat(
            code(
                service.broadcast(
                    new BroadcastCommand(
                        Fixtures.rest(noVendor), "vendor:v42", "x", JsonObject.EMPTY))))
        .isEqualTo(ErrorCode.FORBIDDEN);
    Principal customerWithVendorId =
        new Principal(
            seller.user(),
            java.util.Set.of(Role.CUSTOMER),
            seller.vendorId(),
            seller.language(),
            null);
    assertThat(
            code(
                service.broadcast(
                    new BroadcastCommand(
                        Fixtures.rest(customerWithVendorId), "vendor:v42", "x", JsonObject.EMPTY))))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(fanout.events()).hasSize(1);
  }

  @Test
  void othersMayNotBroadcast() {
    for (Principal p : List.of(ALICE, AGENT, Fixtures.guest("g1"))) {
      assertThat(
              code(
                  service.broadcast(
                      new BroadcastCommand(Fixtures.rest(p), "product:1", "x", JsonObject.EMPTY))))
          .isEqualTo(ErrorCode.FORBIDDEN);
    }
    assertThat(limiter.checks()).isEmpty();
  }

  @Test
  void broadcastEventNamesAreChecked() {
    Caller admin = Fixtures.rest(Fixtures.admin("root"));
    for (String name :
        List.of(
            "Bad Name",
            "",
            "9lives",
            "message",
            "typing",
            "authenticated",
            "error",
            "presence_update")) {
      assertThat(
              code(
                  service.broadcast(
                      new BroadcastCommand(admin, "product:1", name, JsonObject.EMPTY))))
          .as(name)
          .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    }
    assertThat(
            code(
                service.broadcast(
                    new BroadcastCommand(admin, "product:1", null, JsonObject.EMPTY))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(
            code(service.broadcast(new BroadcastCommand(admin, "product", "x", JsonObject.EMPTY))))
        .isEqualTo(ErrorCode.CHANNEL_INVALID);
    assertThat(fanout.events()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = EventKind.class, names = "CUSTOM", mode = EnumSource.Mode.EXCLUDE)
  void noOneBroadcastsANameTheServerEmitsItself(EventKind kind) {
    Caller svc = Fixtures.rest(Fixtures.service("svc"));
    BroadcastCommand command =
        new BroadcastCommand(svc, "product:1", kind.wireName(), JsonObject.EMPTY);
    if (kind.serverEmitted()) {
      assertThat(code(service.broadcast(command))).isEqualTo(ErrorCode.PAYLOAD_INVALID);
      assertThat(fanout.events()).isEmpty();
    } else {
      assertThat(done(service.broadcast(command)).name()).isEqualTo(kind.wireName());
      assertThat(fanout.events()).hasSize(1);
    }
  }

  @Test
  void rateLimitedBroadcastIsNotPublished() {
    limiter.deny(RateLimiter.Action.BROADCAST_EVENT);
    Principal seller = Fixtures.vendor("seller", "v42");
    assertThat(
            code(
                service.broadcast(
                    new BroadcastCommand(
                        Fixtures.rest(seller), "vendor:v42", "x", JsonObject.EMPTY))))
        .isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(fanout.events()).isEmpty();
  }
}
