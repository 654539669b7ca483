package bd.com.getit.realtime.core.chat;

import bd.com.getit.realtime.core.i18n.SystemText;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The chat access rules shared by the chat and messaging services (PROTOCOL sections 3 and 9). */
final class Access {

  /** Which role speaks for a principal in a message, most responsible first. */
  private static final List<Role> SENDER_ROLES =
      List.of(Role.ADMIN, Role.SUPPORT_AGENT, Role.SERVICE, Role.VENDOR, Role.CUSTOMER, Role.GUEST);

  private Access() {}

  static void requireSignedIn(Principal principal) {
    if (principal.isGuest()) {
      throw new RealtimeException(ErrorCode.FORBIDDEN, SystemText.GUESTS_NOT_ALLOWED.english());
    }
  }

  static ChatRoom found(Optional<ChatRoom> room) {
    return room.orElseThrow(
        () -> new RealtimeException(ErrorCode.NOT_FOUND, SystemText.ROOM_NOT_FOUND.english()));
  }

  /** Participants and staff may read a room. */
  static ChatRoom requireReader(ChatRoom room, Principal principal) {
    if (!room.hasParticipant(principal.user()) && !principal.isStaff()) {
      throw new RealtimeException(ErrorCode.FORBIDDEN, SystemText.NOT_A_PARTICIPANT.english());
    }
    return room;
  }

  static ChatRoom requireActive(ChatRoom room) {
    if (room.status() != RoomStatus.ACTIVE) {
      throw new RealtimeException(ErrorCode.CONFLICT, SystemText.ROOM_CLOSED.english());
    }
    return room;
  }

  static void requireMetadataSize(JsonValue.JsonObject metadata, int maxChars) {
    if (metadata.fields().isEmpty() && maxChars >= 2) {
      return; // "{}", most messages: not written out to be measured
    }
    if (metadata.jsonLength() > maxChars) { // counted, not written out
      throw new RealtimeException(ErrorCode.PAYLOAD_TOO_LARGE, "metadata is too large");
    }
  }

  static Role senderRole(Principal principal) {
    for (Role role : SENDER_ROLES) { // once per message: a loop, not a stream
      if (principal.has(role)) {
        return role;
      }
    }
    throw new NoSuchElementException("no role");
  }
}
