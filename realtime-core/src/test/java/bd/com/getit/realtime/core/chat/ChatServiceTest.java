package bd.com.getit.realtime.core.chat;

import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static bd.com.getit.realtime.core.testing.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.adapter.memory.InMemoryChatRepository;
import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.testing.CapturingFanout;
import bd.com.getit.realtime.core.testing.Fixtures;
import bd.com.getit.realtime.core.testing.RecordingRateLimiter;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.HistoryPage;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomPage;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.port.in.ChatUseCase.CreateRoomCommand;
import bd.com.getit.realtime.port.in.ChatUseCase.HistoryCommand;
import bd.com.getit.realtime.port.in.ChatUseCase.JoinRoomCommand;
import bd.com.getit.realtime.port.in.ChatUseCase.ListRoomsCommand;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.SequentialIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatServiceTest {

  private static final Principal ALICE = Fixtures.customer("alice");
  private static final Principal BOB = Fixtures.customer("bob");
  private static final Principal EVE = Fixtures.customer("eve");
  private static final Principal AGENT = Fixtures.agent("agent1");
  private static final Principal ADMIN = Fixtures.admin("admin1");
  private static final Principal SELLER = Fixtures.vendor("seller", "v42");

  private final MutableClock clock = new MutableClock();
  private final InMemoryChatRepository chats = new InMemoryChatRepository();
  private final CapturingFanout fanout = new CapturingFanout();
  private final RecordingRateLimiter limiter = new RecordingRateLimiter();
  private final List<String> evictions = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ChatService service =
      new ChatService(
          chats,
          fanout,
          (user, channel) -> {
            evictions.add(user + " from " + channel);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
          },
          clock,
          new SequentialIds(),
          limiter,
          new ChatRules(4, 64, Duration.ofDays(1)));

  private ChatRoom create(Principal creator, RoomType type, List<UserId> others, JsonObject meta) {
    return done(
        service.createRoom(new CreateRoomCommand(Fixtures.rest(creator), type, others, meta)));
  }

  private ChatRoom group() {
    return create(ALICE, RoomType.GROUP_CHAT, List.of(BOB.user()), JsonObject.EMPTY);
  }

  private ChatRoom vendorRoom(String vendorId) {
    return create(
        ALICE,
        RoomType.VENDOR_CHAT,
        List.of(),
        vendorId == null
            ? JsonObject.EMPTY
            : JsonObject.builder().put("vendor_id", vendorId).build());
  }

  private ChatRoom join(Principal caller, ChatRoom room, Principal user, ParticipantRole role) {
    return done(
        service.joinRoom(
            new JoinRoomCommand(
                Fixtures.rest(caller), room.id(), user.user(), Optional.ofNullable(role))));
  }

  private ErrorCode joinFails(Principal caller, RoomId room, UserId user, ParticipantRole role) {
    return code(
        service.joinRoom(
            new JoinRoomCommand(Fixtures.rest(caller), room, user, Optional.ofNullable(role))));
  }

  private ChatMessage message(ChatRoom room, String id, Instant at) {
    ChatMessage m =
        new ChatMessage(
            MessageId.of(id),
            room.id(),
            BOB.user(),
            Role.CUSTOMER,
            MessageType.TEXT,
            "hi " + id,
            JsonObject.EMPTY,
            at);
    done(chats.append(m));
    return m;
  }

  private void close(ChatRoom room) {
    done(
        chats.saveRoom(
            new ChatRoom(
                room.id(),
                room.type(),
                RoomStatus.CLOSED,
                room.createdBy(),
                room.metadata(),
                room.participants(),
                room.createdAt())));
  }

  @Test
  void creatorJoinsWithTheirOwnRoleAndOthersAsCustomers() {
    ChatRoom room =
        create(ALICE, RoomType.GROUP_CHAT, List.of(BOB.user(), EVE.user()), JsonObject.EMPTY);

    assertThat(room.id()).isEqualTo(RoomId.of("id-1"));
    assertThat(room.status()).isEqualTo(RoomStatus.ACTIVE);
    assertThat(room.createdBy()).isEqualTo(ALICE.user());
    assertThat(room.createdAt()).isEqualTo(MutableClock.DEFAULT_START);
    assertThat(room.participants())
        .extracting(
            Participant::user, Participant::role, Participant::joinedAt, Participant::lastReadAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ALICE.user(),
                ParticipantRole.CUSTOMER,
                MutableClock.DEFAULT_START,
                Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(
                BOB.user(), ParticipantRole.CUSTOMER, MutableClock.DEFAULT_START, Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(
                EVE.user(),
                ParticipantRole.CUSTOMER,
                MutableClock.DEFAULT_START,
                Optional.empty()));
    assertThat(done(chats.findRoom(room.id()))).contains(room);
  }

  @Test
  void aCreatorsRoleIsTheirMostResponsibleRole() {
    assertThat(creatorRole(AGENT)).isEqualTo(ParticipantRole.SUPPORT_AGENT);
    assertThat(creatorRole(ADMIN)).isEqualTo(ParticipantRole.ADMIN);
    assertThat(creatorRole(SELLER)).isEqualTo(ParticipantRole.VENDOR);
    assertThat(
            creatorRole(
                Principal.of(UserId.of("boss"), java.util.Set.of(Role.ADMIN, Role.SUPPORT_AGENT))))
        .isEqualTo(ParticipantRole.ADMIN);
  }

  private ParticipantRole creatorRole(Principal creator) {
    ChatRoom room =
        create(creator, RoomType.CUSTOMER_SUPPORT, List.of(BOB.user()), JsonObject.EMPTY);
    assertThat(room.participant(BOB.user()).orElseThrow().role())
        .isEqualTo(ParticipantRole.CUSTOMER);
    return room.participant(creator.user()).orElseThrow().role();
  }

  @Test
  void customerSupportCreatorIsTheCustomer() {
    ChatRoom room = create(ALICE, RoomType.CUSTOMER_SUPPORT, List.of(), JsonObject.EMPTY);
    assertThat(room.participant(ALICE.user()).orElseThrow().role())
        .isEqualTo(ParticipantRole.CUSTOMER);
    assertThat(room.participants()).hasSize(1);
  }

  @Test
  void creatorAndRepeatsAreListedOnce() {
    ChatRoom room =
        create(
            ALICE,
            RoomType.GROUP_CHAT,
            List.of(ALICE.user(), BOB.user(), BOB.user()),
            JsonObject.EMPTY);
    assertThat(room.participants())
        .extracting(Participant::user)
        .containsExactly(ALICE.user(), BOB.user());
  }

  @Test
  void roomCreationIsCheckedAndNothingIsSavedOnRefusal() {
    assertThat(
            code(
                service.createRoom(
                    new CreateRoomCommand(
                        Fixtures.socket(Fixtures.guest("g"), "g"),
                        RoomType.GROUP_CHAT,
                        List.of(),
                        JsonObject.EMPTY))))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(
            code(
                service.createRoom(
                    new CreateRoomCommand(
                        Fixtures.rest(ALICE),
                        RoomType.GROUP_CHAT,
                        List.of(UserId.of("guest:s1")),
                        JsonObject.EMPTY))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    List<UserId> four = List.of(UserId.of("u1"), UserId.of("u2"), UserId.of("u3"), UserId.of("u4"));
    assertThat(
            code(
                service.createRoom(
                    new CreateRoomCommand(
                        Fixtures.rest(ALICE), RoomType.GROUP_CHAT, four, JsonObject.EMPTY))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    JsonObject big = JsonObject.builder().put("k", "x".repeat(57)).build(); // 65 chars of JSON
    assertThat(
            code(
                service.createRoom(
                    new CreateRoomCommand(
                        Fixtures.rest(ALICE), RoomType.GROUP_CHAT, List.of(), big))))
        .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    assertThat(done(chats.roomsOf(ALICE.user()))).isEmpty();
  }

  @Test
  void roomLimitsAreInclusive() {
    assertThat(
            create(
                    ALICE,
                    RoomType.GROUP_CHAT,
                    List.of(UserId.of("u1"), UserId.of("u2"), UserId.of("u3")),
                    JsonObject.EMPTY)
                .participants())
        .hasSize(4);
    JsonObject fits = JsonObject.builder().put("k", "x".repeat(56)).build();
    assertThat(fits.toJson()).hasSize(64);
    assertThat(create(ALICE, RoomType.GROUP_CHAT, List.of(), fits).metadata()).isEqualTo(fits);
  }

  @Test
  void participantsAndStaffMayReadARoom() {
    ChatRoom room = group();
    assertThat(done(service.getRoom(Fixtures.rest(BOB), room.id()))).isEqualTo(room);
    assertThat(done(service.getRoom(Fixtures.rest(AGENT), room.id()))).isEqualTo(room);
    assertThat(done(service.getRoom(Fixtures.rest(ADMIN), room.id()))).isEqualTo(room);
    assertThat(code(service.getRoom(Fixtures.rest(EVE), room.id()))).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(code(service.getRoom(Fixtures.rest(ALICE), RoomId.of("nope"))))
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void staffMayAddAnyone() {
    ChatRoom room = create(ALICE, RoomType.CUSTOMER_SUPPORT, List.of(), JsonObject.EMPTY);
    clock.advance(Duration.ofMinutes(1));
    ChatRoom joined = join(AGENT, room, EVE, null);
    Participant eve = joined.participant(EVE.user()).orElseThrow();
    assertThat(eve.role()).as("someone else: customer").isEqualTo(ParticipantRole.CUSTOMER);
    assertThat(eve.joinedAt()).isEqualTo(clock.now());
    assertThat(done(chats.findRoom(room.id()))).contains(joined);
    assertThat(
            join(ADMIN, room, BOB, ParticipantRole.VENDOR)
                .participant(BOB.user())
                .orElseThrow()
                .role())
        .isEqualTo(ParticipantRole.VENDOR);
  }

  @Test
  void staffJoiningThemselvesGetTheirStaffRole() {
    ChatRoom room = create(ALICE, RoomType.CUSTOMER_SUPPORT, List.of(), JsonObject.EMPTY);
    assertThat(join(AGENT, room, AGENT, null).participant(AGENT.user()).orElseThrow().role())
        .isEqualTo(ParticipantRole.SUPPORT_AGENT);
    assertThat(join(ADMIN, room, ADMIN, null).participant(ADMIN.user()).orElseThrow().role())
        .isEqualTo(ParticipantRole.ADMIN);
  }

  @Test
  void staffMayGiveAnyOfTheFourRoles() {
    for (ParticipantRole role : ParticipantRole.values()) {
      ChatRoom room = group();
      assertThat(join(AGENT, room, EVE, role).participant(EVE.user()).orElseThrow().role())
          .isEqualTo(role);
    }
  }

  @Test
  void usersMayAddThemselvesToGroupChats() {
    ChatRoom room = group();
    assertThat(join(EVE, room, EVE, null).participant(EVE.user()).orElseThrow().role())
        .isEqualTo(ParticipantRole.CUSTOMER);
    Principal frank = Fixtures.customer("frank");
    assertThat(join(frank, room, frank, ParticipantRole.CUSTOMER).hasParticipant(frank.user()))
        .isTrue();
  }

  @Test
  void usersMayNotAddOthersOrClaimRoles() {
    ChatRoom room = group();
    assertThat(joinFails(BOB, room.id(), EVE.user(), null)).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(joinFails(EVE, room.id(), EVE.user(), ParticipantRole.ADMIN))
        .isEqualTo(ErrorCode.FORBIDDEN);
    ChatRoom support = create(ALICE, RoomType.CUSTOMER_SUPPORT, List.of(), JsonObject.EMPTY);
    assertThat(joinFails(EVE, support.id(), EVE.user(), null)).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(done(chats.findRoom(room.id())).orElseThrow().participants()).hasSize(2);
  }

  @Test
  void vendorsMayJoinTheirOwnVendorChats() {
    ChatRoom mine = vendorRoom("v42");
    assertThat(join(SELLER, mine, SELLER, null).participant(SELLER.user()).orElseThrow().role())
        .isEqualTo(ParticipantRole.VENDOR);
    assertThat(joinFails(SELLER, vendorRoom("v7").id(), SELLER.user(), null))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(joinFails(SELLER, vendorRoom(null).id(), SELLER.user(), null))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(joinFails(EVE, vendorRoom("v42").id(), EVE.user(), null))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(joinFails(SELLER, vendorRoom("v42").id(), SELLER.user(), ParticipantRole.CUSTOMER))
        .isEqualTo(ErrorCode.FORBIDDEN);
    Principal other = Fixtures.vendor("other", "v42");
    assertThat(joinFails(SELLER, mine.id(), other.user(), null)).isEqualTo(ErrorCode.FORBIDDEN);
  }

  @Test
  void joinChecksTheRoomAndTheUser() {
    ChatRoom room = group();
    assertThat(joinFails(AGENT, RoomId.of("nope"), EVE.user(), null))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(joinFails(AGENT, room.id(), UserId.of("guest:g1"), null))
        .isEqualTo(ErrorCode.FORBIDDEN);
    Principal guest = Fixtures.guest("g2");
    assertThat(
            code(
                service.joinRoom(
                    new JoinRoomCommand(
                        Fixtures.socket(guest, "g2"), room.id(), guest.user(), Optional.empty()))))
        .isEqualTo(ErrorCode.FORBIDDEN);
    close(room);
    assertThat(joinFails(AGENT, room.id(), EVE.user(), null)).isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void fullRoomTakesNobodyMore() {
    ChatRoom room =
        create(
            ALICE,
            RoomType.GROUP_CHAT,
            List.of(UserId.of("u1"), UserId.of("u2")),
            JsonObject.EMPTY);
    join(EVE, room, EVE, null);
    assertThat(joinFails(AGENT, room.id(), BOB.user(), null)).isEqualTo(ErrorCode.CONFLICT);
    assertThat(join(AGENT, room, EVE, null).participants()).hasSize(4);
  }

  @Test
  void joiningTwiceChangesNothing() {
    ChatRoom room = group();
    clock.advance(Duration.ofHours(1));
    ChatRoom again = join(BOB, room, BOB, null);
    assertThat(again).isEqualTo(room);
    assertThat(again.participant(BOB.user()).orElseThrow().joinedAt())
        .isEqualTo(MutableClock.DEFAULT_START);
  }

  @Test
  void historyIsForParticipantsAndStaff() {
    ChatRoom room = group();
    message(room, "m1", MutableClock.DEFAULT_START.plusSeconds(1));
    message(room, "m2", MutableClock.DEFAULT_START.plusSeconds(2));
    message(room, "m3", MutableClock.DEFAULT_START.plusSeconds(3));

    HistoryPage page =
        done(
            service.history(
                new HistoryCommand(Fixtures.rest(BOB), room.id(), 1, 2, Optional.empty())));
    assertThat(page.messages()).extracting(m -> m.id().value()).containsExactly("m3", "m2");
    assertThat(page.hasMore()).isTrue();
    HistoryPage before =
        done(
            service.history(
                new HistoryCommand(
                    Fixtures.rest(AGENT),
                    room.id(),
                    1,
                    50,
                    Optional.of(MutableClock.DEFAULT_START.plusSeconds(3)))));
    assertThat(before.messages()).extracting(m -> m.id().value()).containsExactly("m2", "m1");
    assertThat(
            code(
                service.history(
                    new HistoryCommand(Fixtures.rest(EVE), room.id(), 1, 50, Optional.empty()))))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(
            code(
                service.history(
                    new HistoryCommand(
                        Fixtures.rest(BOB), RoomId.of("x"), 1, 50, Optional.empty()))))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(
            code(
                service.history(
                    new HistoryCommand(Fixtures.rest(BOB), room.id(), 0, 50, Optional.empty()))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(
            code(
                service.history(
                    new HistoryCommand(Fixtures.rest(BOB), room.id(), 1, 101, Optional.empty()))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
  }

  @Test
  void typingGoesToTheRoomButNotTheTypingSocket() {
    ChatRoom room = group();
    Caller bob = Fixtures.socket(BOB, "b1");
    done(service.typing(bob, room.id(), true));

    CapturingFanout.Published p = fanout.published().get(0);
    assertThat(p.except()).contains(ConnectionId.of("b1"));
    Event e = p.event();
    assertThat(e.name()).isEqualTo("typing");
    assertThat(e.channel().toString()).isEqualTo("chat:" + room.id());
    assertThat(e.data().toJson())
        .isEqualTo("{\"room_id\":\"id-1\",\"user_id\":\"bob\",\"is_typing\":true}");
    assertThat(e.ttl()).isZero();
    assertThat(e.priority()).isEqualTo(Priority.LOW);
    assertThat(e.recipients()).isEmpty();
    assertThat(e.persist()).isFalse();
    assertThat(limiter.actions()).containsExactly(RateLimiter.Action.TYPING);

    done(service.typing(Fixtures.socket(AGENT, "a1"), room.id(), false));
    assertThat(fanout.events().get(1).data().toJson()).contains("\"is_typing\":false");
  }

  @Test
  void typingIsCheckedAndLimited() {
    ChatRoom room = group();
    assertThat(code(service.typing(Fixtures.socket(EVE, "e1"), room.id(), true)))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(code(service.typing(Fixtures.socket(BOB, "b1"), RoomId.of("x"), true)))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(limiter.checks()).isEmpty();
    limiter.deny(RateLimiter.Action.TYPING);
    assertThat(failure(service.typing(Fixtures.socket(BOB, "b1"), room.id(), true)).retryAfterMs())
        .isEqualTo(1234);
    close(room);
    assertThat(code(service.typing(Fixtures.socket(BOB, "b1"), room.id(), true)))
        .isEqualTo(ErrorCode.CONFLICT);
    assertThat(fanout.events()).isEmpty();
  }

  @Test
  void markReadMovesTheReadMarkAndSendsAReceipt() {
    ChatRoom room = group();
    ChatMessage m2 = message(room, "m2", MutableClock.DEFAULT_START.plusSeconds(20));
    clock.advance(Duration.ofMinutes(1));

    done(service.markRead(Fixtures.socket(ALICE, "a1"), room.id(), m2.id()));

    assertThat(
            done(chats.findRoom(room.id()))
                .orElseThrow()
                .participant(ALICE.user())
                .orElseThrow()
                .lastReadAt())
        .contains(m2.timestamp());
    assertThat(
            done(chats.findRoom(room.id()))
                .orElseThrow()
                .participant(BOB.user())
                .orElseThrow()
                .lastReadAt())
        .isEmpty();
    CapturingFanout.Published p = fanout.published().get(0);
    assertThat(p.except()).contains(ConnectionId.of("a1"));
    assertThat(p.event().name()).isEqualTo("read_receipt");
    assertThat(p.event().channel()).isEqualTo(room.channel());
    assertThat(p.event().data().toJson())
        .isEqualTo(
            "{\"room_id\":\"id-1\",\"user_id\":\"alice\",\"message_id\":\"m2\","
                + "\"read_at\":\"2026-01-01T00:01:00Z\"}");
    assertThat(limiter.actions()).containsExactly(RateLimiter.Action.MARK_READ);
  }

  @Test
  void readMarkNeverMovesBack() {
    ChatRoom room = group();
    ChatMessage m1 = message(room, "m1", MutableClock.DEFAULT_START.plusSeconds(10));
    ChatMessage m2 = message(room, "m2", MutableClock.DEFAULT_START.plusSeconds(20));
    done(service.markRead(Fixtures.rest(ALICE), room.id(), m2.id()));
    done(service.markRead(Fixtures.rest(ALICE), room.id(), m1.id()));
    done(service.markRead(Fixtures.rest(ALICE), room.id(), m2.id()));

    assertThat(
            done(chats.findRoom(room.id()))
                .orElseThrow()
                .participant(ALICE.user())
                .orElseThrow()
                .lastReadAt())
        .contains(m2.timestamp());
    assertThat(fanout.events()).hasSize(1);
  }

  @Test
  void markReadNeedsAParticipantAndAMessageOfTheRoom() {
    ChatRoom room = group();
    ChatRoom other = create(EVE, RoomType.GROUP_CHAT, List.of(ALICE.user()), JsonObject.EMPTY);
    ChatMessage elsewhere = message(other, "m9", MutableClock.DEFAULT_START);
    ChatMessage here = message(room, "m1", MutableClock.DEFAULT_START);

    assertThat(code(service.markRead(Fixtures.rest(ALICE), room.id(), elsewhere.id())))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(code(service.markRead(Fixtures.rest(ALICE), room.id(), MessageId.of("none"))))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(code(service.markRead(Fixtures.rest(AGENT), room.id(), here.id())))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(code(service.markRead(Fixtures.rest(ALICE), RoomId.of("x"), here.id())))
        .isEqualTo(ErrorCode.NOT_FOUND);
    limiter.deny(RateLimiter.Action.MARK_READ);
    assertThat(code(service.markRead(Fixtures.rest(ALICE), room.id(), here.id())))
        .isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(fanout.events()).isEmpty();
    assertThat(
            done(chats.findRoom(room.id()))
                .orElseThrow()
                .participant(ALICE.user())
                .orElseThrow()
                .lastReadAt())
        .isEmpty();
  }

  @Test
  void rulesAreValidated() {
    assertThatThrownBy(() -> new ChatRules(1, 10, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChatRules(2, 1, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChatRules(2, 2, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ChatRules(2, 2, Duration.ofSeconds(1)).maxParticipants()).isEqualTo(2);
    assertThat(ChatRules.DEFAULTS.maxParticipants()).isEqualTo(100);
  }

  @Test
  void senderRoleIsTheMostResponsibleRole() {
    assertThat(Access.senderRole(Fixtures.customer("c"))).isEqualTo(Role.CUSTOMER);
    assertThat(Access.senderRole(Fixtures.vendor("v", "v1"))).isEqualTo(Role.VENDOR);
    assertThat(
            Access.senderRole(
                bd.com.getit.realtime.domain.Principal.of(
                    UserId.of("x"), java.util.Set.of(Role.CUSTOMER, Role.VENDOR))))
        .isEqualTo(Role.VENDOR);
    assertThat(
            Access.senderRole(
                bd.com.getit.realtime.domain.Principal.of(
                    UserId.of("x"), java.util.Set.of(Role.SUPPORT_AGENT, Role.ADMIN))))
        .isEqualTo(Role.ADMIN);
    assertThat(
            Access.senderRole(
                bd.com.getit.realtime.domain.Principal.of(
                    UserId.of("x"), java.util.Set.of(Role.SERVICE, Role.SUPPORT_AGENT))))
        .isEqualTo(Role.SUPPORT_AGENT);
    assertThat(
            Access.senderRole(
                bd.com.getit.realtime.domain.Principal.of(
                    UserId.of("x"), java.util.Set.of(Role.SERVICE, Role.VENDOR))))
        .isEqualTo(Role.SERVICE);
    assertThat(Access.senderRole(Fixtures.guest("g"))).isEqualTo(Role.GUEST);
  }

  @Test
  void roomReadsAreRateLimited() {
    ChatRoom room = group();
    done(service.getRoom(Fixtures.rest(BOB), room.id()));
    assertThat(limiter.actions()).containsExactly(RateLimiter.Action.REST_READ);
    limiter.deny(RateLimiter.Action.REST_READ);
    assertThat(failure(service.getRoom(Fixtures.rest(BOB), room.id())).code())
        .isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(
            code(
                service.history(
                    new HistoryCommand(Fixtures.rest(BOB), room.id(), 1, 2, Optional.empty()))))
        .isEqualTo(ErrorCode.RATE_LIMITED);
  }

  // --- listing, closing, archiving, leaving (PROTOCOL 10.2) ---

  private RoomPage list(Principal caller, UserId participant, RoomStatus status) {
    return done(
        service.listRooms(
            new ListRoomsCommand(
                Fixtures.rest(caller),
                Optional.ofNullable(participant),
                Optional.ofNullable(status),
                50,
                Optional.empty())));
  }

  @Test
  void usersListTheirOwnRoomsWithUnreadCountsAndStaffAnyonesRooms() {
    ChatRoom room = group();
    message(room, "m1", MutableClock.DEFAULT_START.plusSeconds(1));
    message(room, "m2", MutableClock.DEFAULT_START.plusSeconds(2));
    create(EVE, RoomType.GROUP_CHAT, List.of(), JsonObject.EMPTY);

    RoomPage alices = list(ALICE, null, null);
    assertThat(alices.rooms()).extracting(r -> r.room().id()).containsExactly(room.id());
    assertThat(alices.rooms().get(0).unreadCount()).isEqualTo(2);
    assertThat(alices.rooms().get(0).lastMessage().map(m -> m.id().value())).contains("m2");
    assertThat(list(BOB, null, null).rooms().get(0).unreadCount()).as("bob wrote both").isZero();
    assertThat(list(AGENT, ALICE.user(), RoomStatus.ACTIVE).rooms()).hasSize(1);
    assertThat(list(AGENT, ALICE.user(), RoomStatus.CLOSED).rooms()).isEmpty();
    assertThat(limiter.actions()).contains(RateLimiter.Action.REST_READ);

    assertThat(
            code(
                service.listRooms(
                    new ListRoomsCommand(
                        Fixtures.rest(EVE),
                        Optional.of(ALICE.user()),
                        Optional.empty(),
                        50,
                        Optional.empty()))))
        .as("only staff list someone else's rooms")
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(
            code(
                service.listRooms(
                    new ListRoomsCommand(
                        Fixtures.socket(Fixtures.guest("g"), "g"),
                        Optional.empty(),
                        Optional.empty(),
                        50,
                        Optional.empty()))))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(
            code(
                service.listRooms(
                    new ListRoomsCommand(
                        Fixtures.rest(ALICE),
                        Optional.empty(),
                        Optional.empty(),
                        101,
                        Optional.empty()))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
  }

  @Test
  void theCreatorOrStaffCloseARoomOnceAndItsChannelIsTold() {
    ChatRoom room = group();
    clock.advance(Duration.ofMinutes(3));

    assertThat(code(service.closeRoom(Fixtures.rest(BOB), room.id())))
        .as("a participant who did not create it")
        .isEqualTo(ErrorCode.FORBIDDEN);
    ChatRoom closed = done(service.closeRoom(Fixtures.rest(ALICE), room.id()));

    assertThat(closed.status()).isEqualTo(RoomStatus.CLOSED);
    assertThat(done(chats.findRoom(room.id()))).contains(closed);
    CapturingFanout.Published p = fanout.published().get(0);
    assertThat(p.except()).isEmpty();
    assertThat(p.event().name()).isEqualTo("room_closed");
    assertThat(p.event().channel()).isEqualTo(room.channel());
    assertThat(p.event().data().toJson())
        .isEqualTo(
            "{\"room_id\":\"id-1\",\"closed_by\":\"alice\","
                + "\"timestamp\":\"2026-01-01T00:03:00Z\"}");
    assertThat(p.event().priority()).isEqualTo(Priority.HIGH);

    assertThat(code(service.closeRoom(Fixtures.rest(AGENT), room.id())))
        .as("already closed")
        .isEqualTo(ErrorCode.CONFLICT);
    assertThat(code(service.closeRoom(Fixtures.rest(AGENT), RoomId.of("nope"))))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(fanout.events()).hasSize(1);

    ChatRoom other = group();
    assertThat(done(service.closeRoom(Fixtures.rest(AGENT), other.id())).status())
        .as("staff close any room")
        .isEqualTo(RoomStatus.CLOSED);
  }

  @Test
  void aClosedRoomTakesNoTypingAndNoNewParticipant() {
    ChatRoom room = group();
    done(service.closeRoom(Fixtures.rest(ALICE), room.id()));

    assertThat(code(service.typing(Fixtures.socket(BOB, "b1"), room.id(), true)))
        .isEqualTo(ErrorCode.CONFLICT);
    assertThat(joinFails(AGENT, room.id(), EVE.user(), null)).isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void staffArchiveActiveAndClosedRooms() {
    ChatRoom active = group();
    ChatRoom closed = group();
    done(service.closeRoom(Fixtures.rest(ALICE), closed.id()));
    int before = fanout.events().size();

    assertThat(code(service.archiveRoom(Fixtures.rest(ALICE), active.id())))
        .as("the creator is not staff")
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(done(service.archiveRoom(Fixtures.rest(AGENT), active.id())).status())
        .isEqualTo(RoomStatus.ARCHIVED);
    assertThat(fanout.events().subList(before, fanout.events().size()))
        .as("an active room stops taking messages: its sockets are told")
        .extracting(Event::name)
        .containsExactly("room_closed");
    assertThat(done(service.archiveRoom(Fixtures.rest(ADMIN), closed.id())).status())
        .isEqualTo(RoomStatus.ARCHIVED);
    assertThat(done(service.archiveRoom(Fixtures.rest(ADMIN), closed.id())).status())
        .as("twice is harmless")
        .isEqualTo(RoomStatus.ARCHIVED);
    assertThat(fanout.events()).hasSize(before + 1);
    assertThat(list(AGENT, ALICE.user(), RoomStatus.ARCHIVED).rooms()).hasSize(2);
    assertThat(code(service.closeRoom(Fixtures.rest(ALICE), closed.id())))
        .isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void aParticipantLeavesForSelfAndIsEvictedFromTheChannel() {
    ChatRoom room = group();

    ChatRoom left = done(service.leaveRoom(Fixtures.rest(BOB), room.id()));

    assertThat(left.hasParticipant(BOB.user())).isFalse();
    assertThat(done(chats.findRoom(room.id()))).contains(left);
    assertThat(evictions).containsExactly("bob from chat:id-1");
    assertThat(list(BOB, null, null).rooms()).isEmpty();
    assertThat(code(service.leaveRoom(Fixtures.rest(BOB), room.id())))
        .as("not a participant any more")
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(code(service.leaveRoom(Fixtures.rest(AGENT), room.id())))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(code(service.leaveRoom(Fixtures.rest(BOB), RoomId.of("nope"))))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(evictions).hasSize(1);
  }
}
