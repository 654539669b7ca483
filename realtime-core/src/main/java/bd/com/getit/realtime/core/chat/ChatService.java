package bd.com.getit.realtime.core.chat;

import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.i18n.SystemText;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventKind;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.VendorId;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.HistoryPage;
import bd.com.getit.realtime.domain.chat.HistoryQuery;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.port.in.ChatUseCase;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.IdGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Chat rooms: creation by signed-in users, membership under the join rule of PROTOCOL section 9,
 * history for participants and staff, volatile {@code typing} and {@code read_receipt} events.
 * Membership changes are read-modify-write through {@link ChatRepository#saveRoom}: two concurrent
 * changes to one room may lose one. Thread-safe; never blocks.
 */
public final class ChatService implements ChatUseCase {

  private final ChatRepository chats;
  private final Fanout fanout;
  private final Clock clock;
  private final IdGenerator ids;
  private final RateLimiter limiter;
  private final ChatRules rules;

  public ChatService(
      ChatRepository chats,
      Fanout fanout,
      Clock clock,
      IdGenerator ids,
      RateLimiter limiter,
      ChatRules rules) {
    this.chats = Objects.requireNonNull(chats, "chats");
    this.fanout = Objects.requireNonNull(fanout, "fanout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  @Override
  public CompletionStage<ChatRoom> createRoom(CreateRoomCommand command) {
    return attempt(
        () -> {
          Principal creator = command.caller().principal();
          Access.requireSignedIn(creator);
          Access.requireMetadataSize(command.metadata(), rules.maxMetadataChars());
          Set<UserId> others = new LinkedHashSet<>(command.participants());
          others.remove(creator.user());
          if (others.stream().anyMatch(ChatService::isGuestId)) {
            throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "guests cannot be participants");
          }
          if (others.size() + 1 > rules.maxParticipants()) {
            throw new RealtimeException(
                ErrorCode.PAYLOAD_INVALID,
                "a room has at most " + rules.maxParticipants() + " participants");
          }
          Instant now = clock.now();
          List<Participant> participants = new ArrayList<>();
          ParticipantRole creatorRole =
              command.type() == RoomType.CUSTOMER_SUPPORT
                  ? ParticipantRole.CUSTOMER
                  : ParticipantRole.OWNER;
          participants.add(new Participant(creator.user(), creatorRole, now, Optional.empty()));
          for (UserId other : others) {
            participants.add(new Participant(other, ParticipantRole.MEMBER, now, Optional.empty()));
          }
          ChatRoom room =
              new ChatRoom(
                  RoomId.of(ids.next()),
                  command.type(),
                  RoomStatus.ACTIVE,
                  creator.user(),
                  command.metadata(),
                  participants,
                  now);
          return chats.saveRoom(room).thenApply(v -> room);
        });
  }

  @Override
  public CompletionStage<ChatRoom> getRoom(Caller caller, RoomId room) {
    return attempt(
        () ->
            limiter
                .check(caller.principal(), RateLimiter.Action.REST_READ)
                .thenCompose(v -> chats.findRoom(room))
                .thenApply(found -> Access.requireReader(Access.found(found), caller.principal())));
  }

  @Override
  public CompletionStage<ChatRoom> joinRoom(JoinRoomCommand command) {
    return attempt(
        () -> {
          // Guests need no guard of their own: they are not staff and their id is a guest id.
          Principal caller = command.caller().principal();
          return chats
              .findRoom(command.room())
              .thenCompose(
                  found -> {
                    ChatRoom room = Access.requireActive(Access.found(found));
                    ParticipantRole role = admitted(room, caller, command);
                    if (room.hasParticipant(command.user())) {
                      return CompletableFuture.completedFuture(room); // joining twice is harmless
                    }
                    if (room.participants().size() >= rules.maxParticipants()) {
                      throw new RealtimeException(
                          ErrorCode.CONFLICT, SystemText.ROOM_FULL.english());
                    }
                    ChatRoom joined =
                        room.with(
                            new Participant(command.user(), role, clock.now(), Optional.empty()));
                    return chats.saveRoom(joined).thenApply(v -> joined);
                  });
        });
  }

  /**
   * The role {@code command.user()} joins with, when {@code caller} may add them: staff may add
   * anyone with any role but owner; a user may add only self, in a group chat or in a vendor chat
   * of their own vendor, and only with the role that room gives them.
   */
  private static ParticipantRole admitted(
      ChatRoom room, Principal caller, JoinRoomCommand command) {
    boolean self = command.user().equals(caller.user());
    if (isGuestId(command.user())) {
      throw new RealtimeException(ErrorCode.FORBIDDEN, SystemText.JOIN_NOT_ALLOWED.english());
    }
    if (caller.isStaff()) {
      ParticipantRole fallback =
          !self
              ? ParticipantRole.MEMBER
              : caller.has(Role.ADMIN) ? ParticipantRole.ADMIN : ParticipantRole.SUPPORT_AGENT;
      ParticipantRole role = command.role().orElse(fallback);
      if (role == ParticipantRole.OWNER) {
        throw new RealtimeException(ErrorCode.FORBIDDEN, SystemText.JOIN_NOT_ALLOWED.english());
      }
      return role;
    }
    ParticipantRole own;
    if (self && room.type() == RoomType.GROUP_CHAT) {
      own = ParticipantRole.MEMBER;
    } else if (self && room.type() == RoomType.VENDOR_CHAT && ownsVendorRoom(room, caller)) {
      own = ParticipantRole.VENDOR;
    } else {
      throw new RealtimeException(ErrorCode.FORBIDDEN, SystemText.JOIN_NOT_ALLOWED.english());
    }
    if (command.role().isPresent() && command.role().get() != own) {
      throw new RealtimeException(ErrorCode.FORBIDDEN, SystemText.JOIN_NOT_ALLOWED.english());
    }
    return own;
  }

  private static boolean ownsVendorRoom(ChatRoom room, Principal caller) {
    Optional<String> roomVendor = room.metadata().text("vendor_id");
    return roomVendor.isPresent() && caller.vendorId().map(VendorId::value).equals(roomVendor);
  }

  @Override
  public CompletionStage<HistoryPage> history(HistoryCommand command) {
    return attempt(
        () -> {
          HistoryQuery query =
              new HistoryQuery(command.room(), command.page(), command.limit(), command.before());
          return limiter
              .check(command.caller().principal(), RateLimiter.Action.REST_READ)
              .thenCompose(v -> chats.findRoom(command.room()))
              .thenCompose(
                  found -> {
                    Access.requireReader(Access.found(found), command.caller().principal());
                    return chats.history(query);
                  });
        });
  }

  @Override
  public CompletionStage<Void> typing(Caller caller, RoomId room, boolean typing) {
    return attempt(
        () ->
            chats
                .findRoom(room)
                .thenApply(
                    found ->
                        Access.requireActive(
                            Access.requireReader(Access.found(found), caller.principal())))
                .thenCompose(
                    r ->
                        limiter
                            .check(caller.principal(), RateLimiter.Action.TYPING)
                            .thenApply(v -> r))
                .thenCompose(
                    r -> {
                      JsonValue.JsonObject data =
                          JsonValue.JsonObject.builder()
                              .put("room_id", room.value())
                              .put("user_id", caller.user().value())
                              .put("is_typing", typing)
                              .build();
                      Event event = event(EventKind.TYPING.wireName(), r, data, Priority.LOW);
                      return fanout.publish(event, caller.connection());
                    })
                .thenApply(offset -> null));
  }

  @Override
  public CompletionStage<Void> markRead(Caller caller, RoomId room, MessageId message) {
    return attempt(
        () ->
            chats
                .findRoom(room)
                .thenApply(found -> participantRoom(Access.found(found), caller))
                .thenCompose(
                    r ->
                        limiter
                            .check(caller.principal(), RateLimiter.Action.MARK_READ)
                            .thenApply(v -> r))
                .thenCompose(
                    r ->
                        chats
                            .findMessage(message)
                            .thenCompose(
                                m -> {
                                  Instant at =
                                      m.filter(found -> found.room().equals(room))
                                          .orElseThrow(
                                              () ->
                                                  new RealtimeException(
                                                      ErrorCode.NOT_FOUND,
                                                      SystemText.MESSAGE_NOT_FOUND.english()))
                                          .timestamp();
                                  return readUpTo(r, caller, message, at);
                                })));
  }

  private static ChatRoom participantRoom(ChatRoom room, Caller caller) {
    if (!room.hasParticipant(caller.user())) {
      throw new RealtimeException(ErrorCode.FORBIDDEN, SystemText.NOT_A_PARTICIPANT.english());
    }
    return room;
  }

  /** Moves the read mark forward (never back) and tells the room; no move, no receipt. */
  private CompletionStage<Void> readUpTo(
      ChatRoom room, Caller caller, MessageId message, Instant at) {
    Participant before = room.participant(caller.user()).orElseThrow();
    Participant after = before.readUpTo(at);
    if (after.equals(before)) {
      return CompletableFuture.completedFuture(null);
    }
    Instant now = clock.now();
    JsonValue.JsonObject data =
        JsonValue.JsonObject.builder()
            .put("room_id", room.id().value())
            .put("user_id", caller.user().value())
            .put("message_id", message.value())
            .put("read_at", now.toString())
            .build();
    return chats
        .saveRoom(room.with(after))
        .thenCompose(
            v ->
                fanout.publish(
                    event(EventKind.READ_RECEIPT.wireName(), room, data, Priority.MEDIUM),
                    caller.connection()))
        .thenApply(offset -> null);
  }

  private Event event(String name, ChatRoom room, JsonValue.JsonObject data, Priority priority) {
    return new Event(
        EventId.of(ids.next()),
        name,
        room.channel(),
        data,
        clock.now(),
        priority,
        Duration.ZERO,
        List.of(),
        false);
  }

  static boolean isGuestId(UserId user) {
    return user.value().startsWith("guest:");
  }

  /** Runs {@code body}; a synchronous throw becomes a failed stage, never escapes. */
  static <T> CompletionStage<T> attempt(Supplier<CompletionStage<T>> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
