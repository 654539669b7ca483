package bd.com.getit.realtime.domain.chat;

import java.util.List;

/** One page of a room's history, newest first. */
public record HistoryPage(List<ChatMessage> messages, int page, int limit, boolean hasMore) {
  public HistoryPage {
    messages = List.copyOf(messages);
  }
}
