package bd.com.getit.realtime.domain.chat;

import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One chat message as the spam rules see it: who wrote it, to which room, when, and a fingerprint
 * of its normalised text (a 64-bit hash: the text itself is never kept).
 *
 * @param sender the user who wrote it
 * @param room the room it was written to
 * @param text the fingerprint of its normalised text
 * @param at when it was written
 */
public record SpamSample(UserId sender, RoomId room, long text, Instant at) {
  public SpamSample {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(at, "at");
  }
}
