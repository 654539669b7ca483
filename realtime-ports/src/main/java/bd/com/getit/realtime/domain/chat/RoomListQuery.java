package bd.com.getit.realtime.domain.chat;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of a user's rooms to list: latest activity first, {@code limit} of them (at most {@link
 * #MAX_LIMIT}), optionally of one status only and only with activity strictly before a time (the
 * {@code last_activity} of the previous page's last room).
 *
 * @param participant whose rooms, and whose read mark {@code unread_count} counts from
 */
public record RoomListQuery(
    UserId participant, Optional<RoomStatus> status, int limit, Optional<Instant> before) {
  public static final int MAX_LIMIT = 100;

  public RoomListQuery {
    Objects.requireNonNull(participant, "participant");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(before, "before");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "limit is 1 to " + MAX_LIMIT);
    }
  }

  /** Whether a room of {@code status} with activity at {@code lastActivity} is in the listing. */
  public boolean admits(RoomStatus roomStatus, Instant lastActivity) {
    return status.map(roomStatus::equals).orElse(true)
        && before.map(lastActivity::isBefore).orElse(true);
  }
}
