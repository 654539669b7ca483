package bd.com.getit.realtime.domain.chat;

import bd.com.getit.realtime.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A member of a chat room, with when they joined and up to when they have read. */
public record Participant(
    UserId user, ParticipantRole role, Instant joinedAt, Optional<Instant> lastReadAt) {
  public Participant {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(joinedAt, "joinedAt");
    Objects.requireNonNull(lastReadAt, "lastReadAt");
  }

  public Participant readUpTo(Instant at) {
    Instant newest = lastReadAt.filter(r -> r.isAfter(at)).orElse(at);
    return new Participant(user, role, joinedAt, Optional.of(newest));
  }
}
