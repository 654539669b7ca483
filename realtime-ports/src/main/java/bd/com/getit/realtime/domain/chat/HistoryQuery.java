package bd.com.getit.realtime.domain.chat;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.RoomId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a room's history: newest first, {@code limit} per page (at most {@link
 * #MAX_LIMIT}), optionally only messages strictly before a time.
 */
public record HistoryQuery(RoomId room, int page, int limit, Optional<Instant> before) {
  public static final int MAX_LIMIT = 100;

  public HistoryQuery {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(before, "before");
    if (page < 1 || page > 10_000) {
      throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "page is 1 to 10000");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "limit is 1 to " + MAX_LIMIT);
    }
  }

  public int offset() {
    return (page - 1) * limit;
  }
}
