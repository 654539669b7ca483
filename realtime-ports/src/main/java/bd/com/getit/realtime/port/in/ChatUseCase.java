package bd.com.getit.realtime.port.in;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.HistoryPage;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Chat rooms: creation, membership, history, typing and read receipts. */
public interface ChatUseCase {

  CompletionStage<ChatRoom> createRoom(CreateRoomCommand command);

  /** The room, for its participants and staff. */
  CompletionStage<ChatRoom> getRoom(Caller caller, RoomId room);

  CompletionStage<ChatRoom> joinRoom(JoinRoomCommand command);

  CompletionStage<HistoryPage> history(HistoryCommand command);

  /** Tells the room's other sockets that the caller is (not) typing; volatile. */
  CompletionStage<Void> typing(Caller caller, RoomId room, boolean typing);

  /** Moves the caller's read mark up to a message and sends {@code read_receipt} to the room. */
  CompletionStage<Void> markRead(Caller caller, RoomId room, MessageId message);

  /** The creator joins as owner; {@code participants} join as members. */
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
}
