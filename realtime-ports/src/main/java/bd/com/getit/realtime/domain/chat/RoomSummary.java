package bd.com.getit.realtime.domain.chat;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A room as a listing shows it to one reader.
 *
 * @param lastActivity the time of the room's newest message, else of its creation
 * @param lastMessage the room's newest message, if it has one
 * @param unreadCount the other participants' messages newer than the reader's read mark
 */
public record RoomSummary(
    ChatRoom room, Instant lastActivity, Optional<ChatMessage> lastMessage, long unreadCount) {
  public RoomSummary {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(lastActivity, "lastActivity");
    Objects.requireNonNull(lastMessage, "lastMessage");
    if (unreadCount < 0) {
      throw new IllegalArgumentException("unreadCount >= 0");
    }
  }
}
