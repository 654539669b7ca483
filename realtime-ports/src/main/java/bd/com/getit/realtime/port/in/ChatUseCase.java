package bd.com.getit.realtime.port.in;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.HistoryPage;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomPage;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Chat rooms: creation, listing, membership, closing and archiving, history, typing and read
 * receipts.
 */
public interface ChatUseCase {

  CompletionStage<ChatRoom> createRoom(CreateRoomCommand command);

  /** The room, for its participants and staff. */
  CompletionStage<ChatRoom> getRoom(Caller caller, RoomId room);

  CompletionStage<ChatRoom> joinRoom(JoinRoomCommand command);

  CompletionStage<HistoryPage> history(HistoryCommand command);

  /**
   * A page of the caller's rooms (or, for staff, of another participant's), latest activity first,
   * each with its newest message and its unread count.
   */
  CompletionStage<RoomPage> listRooms(ListRoomsCommand command);

  /**
   * Closes an active room, for staff or the room's creator: it takes no more messages, and {@code
   * room_closed} goes to its channel; {@code CONFLICT} when it is not active.
   */
  CompletionStage<ChatRoom> closeRoom(Caller caller, RoomId room);

  /** Archives a room, active or closed, for staff; archiving an archived room changes nothing. */
  CompletionStage<ChatRoom> archiveRoom(Caller caller, RoomId room);

  /**
   * Takes the caller out of a room they participate in, and their sockets out of its channel on
   * every node.
   */
  CompletionStage<ChatRoom> leaveRoom(Caller caller, RoomId room);

  /** Tells the room's other sockets that the caller is (not) typing; volatile. */
  CompletionStage<Void> typing(Caller caller, RoomId room, boolean typing);

  /** Moves the caller's read mark up to a message and sends {@code read_receipt} to the room. */
  CompletionStage<Void> markRead(Caller caller, RoomId room, MessageId message);

  /**
   * The creator joins with their own role ({@code admin}, {@code support_agent}, {@code vendor},
   * else {@code customer}); {@code participants} join as {@code customer}.
   */
  record CreateRoomCommand(
      Caller caller, RoomType type, List<UserId> participants, JsonValue.JsonObject metadata) {
    public CreateRoomCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(type, "type");
      participants = List.copyOf(participants);
      Objects.requireNonNull(metadata, "metadata");
    }
  }

  record JoinRoomCommand(Caller caller, RoomId room, UserId user, Optional<ParticipantRole> role) {
    public JoinRoomCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(role, "role");
    }
  }

  record HistoryCommand(Caller caller, RoomId room, int page, int limit, Optional<Instant> before) {
    public HistoryCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(before, "before");
    }
  }

  /**
   * @param participant whose rooms, when staff ask for someone else's; the caller's when empty
   * @param before only rooms whose last activity is strictly before this time
   */
  record ListRoomsCommand(
      Caller caller,
      Optional<UserId> participant,
      Optional<RoomStatus> status,
      int limit,
      Optional<Instant> before) {
    public ListRoomsCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(participant, "participant");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(before, "before");
    }
  }
}
