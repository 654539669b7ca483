package bd.com.getit.realtime.core.chat;

import bd.com.getit.realtime.core.ChannelEviction;
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
import bd.com.getit.realtime.domain.chat.RoomListQuery;
import bd.com.getit.realtime.domain.chat.RoomPage;
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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Chat rooms: creation by signed-in users, membership under the join rule of PROTOCOL section 9
 * with the roles of section 10.1, listing, closing, archiving and leaving (section 10.2), history
 * for participants and staff, volatile {@code typing} and {@code read_receipt} events. Membership
 * and status changes are read-modify-write through {@link ChatRepository#saveRoom}: two concurrent
 * changes to one room may lose one. Thread-safe; never blocks.
 */
public final class ChatService implements ChatUseCase {

  private final ChatRepository chats;
  private final Fanout fanout;
  private final ChannelEviction eviction;
  private final Clock clock;
  private final IdGenerator ids;
  private final RateLimiter limiter;
  private final ChatRules rules;

  /**
   * @param eviction takes a participant who left a room out of its channel on every node
   */
  public ChatService(
      ChatRepository chats,
      Fanout fanout,
      ChannelEviction eviction,
      Clock clock,
      IdGenerator ids,
      RateLimiter limiter,
      ChatRules rules) {
    this.chats = Objects.requireNonNull(chats, "chats");
    this.fanout = Objects.requireNonNull(fanout, "fanout");
    this.eviction = Objects.requireNonNull(eviction, "eviction");
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
          participants.add(
              new Participant(creator.user(), ownRole(creator), now, Optional.empty()));
          for (UserId other : others) {
            participants.add(
                new Participant(other, ParticipantRole.CUSTOMER, now, Optional.empty()));
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
   * The role {@code command.user()} joins with, when {@code caller} may add them (PROTOCOL 10.1):
   * staff may add anyone with any role, by default the added user's own role when that is the
   * caller, else {@code customer}; a user may add only self, in a group chat or in a vendor chat of
   * their own vendor, and only with the role that room gives them.
   */
  private static ParticipantRole admitted(
      ChatRoom room, Principal caller, JoinRoomCommand command) {
    boolean self = command.user().equals(caller.user());
    if (isGuestId(command.user())) {
      throw new RealtimeException(ErrorCode.FORBIDDEN, SystemText.JOIN_NOT_ALLOWED.english());
    }
    if (caller.isStaff()) {
      return command.role().orElse(self ? ownRole(caller) : ParticipantRole.CUSTOMER);
    }
    ParticipantRole own;
    if (self && room.type() == RoomType.GROUP_CHAT) {
      own = ownRole(caller);
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

  /** A user's own participant role: the most responsible of their roles, else customer. */
  static ParticipantRole ownRole(Principal principal) {
    if (principal.has(Role.ADMIN)) {
      return ParticipantRole.ADMIN;
    }
    if (principal.has(Role.SUPPORT_AGENT)) {
      return ParticipantRole.SUPPORT_AGENT;
    }
    if (principal.has(Role.VENDOR)) {
      return ParticipantRole.VENDOR;
    }
    return ParticipantRole.CUSTOMER;
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
  public CompletionStage<RoomPage> listRooms(ListRoomsCommand command) {
    return attempt(
        () -> {
          Principal caller = command.caller().principal();
          Access.requireSignedIn(caller);
          UserId whose = command.participant().orElse(caller.user());
          if (!whose.equals(caller.user()) && !caller.isStaff()) {
            throw new RealtimeException(ErrorCode.FORBIDDEN, SystemText.STAFF_ONLY.english());
          }
          RoomListQuery query =
              new RoomListQuery(whose, command.status(), command.limit(), command.before());
          return limiter
              .check(caller, RateLimiter.Action.REST_READ)
              .thenCompose(v -> chats.roomPage(query));
        });
  }

  @Override
  public CompletionStage<ChatRoom> closeRoom(Caller caller, RoomId room) {
    return attempt(
        () ->
            changeRoom(
                caller,
                room,
                found -> {
                  Principal principal = caller.principal();
                  if (!principal.isStaff() && !found.createdBy().equals(principal.user())) {
                    throw new RealtimeException(
                        ErrorCode.FORBIDDEN, SystemText.CLOSE_NOT_ALLOWED.english());
                  }
                  Access.requireActive(found);
                  return closed(found.withStatus(RoomStatus.CLOSED), caller);
                }));
  }

  @Override
  public CompletionStage<ChatRoom> archiveRoom(Caller caller, RoomId room) {
    return attempt(
        () ->
            changeRoom(
                caller,
                room,
                found -> {
                  if (!caller.principal().isStaff()) {
                    throw new RealtimeException(
                        ErrorCode.FORBIDDEN, SystemText.STAFF_ONLY.english());
                  }
                  if (found.status() == RoomStatus.ARCHIVED) {
                    return CompletableFuture.completedFuture(found); // archiving twice is harmless
                  }
                  ChatRoom archived = found.withStatus(RoomStatus.ARCHIVED);
                  // An active room stops taking messages now: its sockets are told, as on close.
                  return found.status() == RoomStatus.ACTIVE
                      ? closed(archived, caller)
                      : chats.saveRoom(archived).thenApply(v -> archived);
                }));
  }

  @Override
  public CompletionStage<ChatRoom> leaveRoom(Caller caller, RoomId room) {
    return attempt(
        () ->
            changeRoom(
                caller,
                room,
                found -> {
                  participantRoom(found, caller);
                  ChatRoom left = found.without(caller.user());
                  return chats
                      .saveRoom(left)
                      .thenCompose(v -> eviction.evict(caller.user(), found.channel()))
                      .thenApply(v -> left);
                }));
  }

  /** Finds a room for a signed-in, rate-limited caller and applies {@code change} to it. */
  private CompletionStage<ChatRoom> changeRoom(
      Caller caller, RoomId room, Function<ChatRoom, CompletionStage<ChatRoom>> change) {
    Access.requireSignedIn(caller.principal());
    return limiter
        .check(caller.principal(), RateLimiter.Action.JOIN_CHANNEL)
        .thenCompose(v -> chats.findRoom(room))
        .thenCompose(found -> change.apply(Access.found(found)));
  }

  /** Saves a room that stopped taking messages and sends {@code room_closed} to its channel. */
  private CompletionStage<ChatRoom> closed(ChatRoom room, Caller caller) {
    Instant now = clock.now();
    JsonValue.JsonObject data =
        JsonValue.JsonObject.builder()
            .put("room_id", room.id().value())
            .put("closed_by", caller.user().value())
            .put("timestamp", now.toString())
            .build();
    return chats
        .saveRoom(room)
        .thenCompose(
            v ->
                fanout.publish(
                    event(EventKind.ROOM_CLOSED.wireName(), room, data, Priority.HIGH),
                    Optional.empty()))
        .thenApply(offset -> room);
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
