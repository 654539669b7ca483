package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.HistoryPage;
import bd.com.getit.realtime.domain.chat.HistoryQuery;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Chat rooms and their message history. Thread-safe; returns at once, completes later. */
public interface ChatRepository {

  /** Creates or replaces the room (participants included). */
  CompletionStage<Void> saveRoom(ChatRoom room);

  CompletionStage<Optional<ChatRoom>> findRoom(RoomId room);

  /** The rooms {@code user} participates in. */
  CompletionStage<List<ChatRoom>> roomsOf(UserId user);

  /**
   * Stores a message once: completes {@code true} when stored, {@code false} when a message with
   * the same id was already there (a retry), leaving the first untouched.
   */
  CompletionStage<Boolean> append(ChatMessage message);

  CompletionStage<Optional<ChatMessage>> findMessage(MessageId message);

  /** A page of history, newest first, by time then id. */
  CompletionStage<HistoryPage> history(HistoryQuery query);
}
