package bd.com.getit.realtime.domain.chat;

import java.util.List;

/** One page of a user's rooms, latest activity first; {@code hasMore} when older ones follow. */
public record RoomPage(List<RoomSummary> rooms, boolean hasMore) {
  public RoomPage {
    rooms = List.copyOf(rooms);
  }
}
