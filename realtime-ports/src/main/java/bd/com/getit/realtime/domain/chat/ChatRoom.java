package bd.com.getit.realtime.domain.chat;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A chat room and its participants. */
public record ChatRoom(
    RoomId id,
    RoomType type,
    RoomStatus status,
    UserId createdBy,
    JsonValue.JsonObject metadata,
    List<Participant> participants,
    Instant createdAt) {
  public ChatRoom {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(metadata, "metadata");
    participants = List.copyOf(participants);
    Objects.requireNonNull(createdAt, "createdAt");
    if (participants.stream().map(Participant::user).distinct().count() != participants.size()) {
      throw new IllegalArgumentException("a user is a participant once");
    }
  }

  public Optional<Participant> participant(UserId user) {
    return participants.stream().filter(p -> p.user().equals(user)).findFirst();
  }

  public boolean hasParticipant(UserId user) {
    for (Participant p : participants) { // on every chat message: a loop, not a stream
      if (p.user().equals(user)) {
        return true;
      }
    }
    return false;
  }

  public ChannelName channel() {
    return ChannelName.chat(id);
  }

  /** This room with {@code participant} added, or replacing the entry of the same user. */
  public ChatRoom with(Participant participant) {
    List<Participant> list = new ArrayList<>(participants);
    list.removeIf(p -> p.user().equals(participant.user()));
    list.add(participant);
    return new ChatRoom(id, type, status, createdBy, metadata, list, createdAt);
  }

  /** This room without {@code user} among its participants. */
  public ChatRoom without(UserId user) {
    List<Participant> list = new ArrayList<>(participants);
    list.removeIf(p -> p.user().equals(user));
    return new ChatRoom(id, type, status, createdBy, metadata, list, createdAt);
  }

  /** This room in {@code newStatus}. */
  public ChatRoom withStatus(RoomStatus newStatus) {
    return new ChatRoom(id, type, newStatus, createdBy, metadata, participants, createdAt);
  }
}
