package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.ClientMessageId;
import bd.com.getit.realtime.domain.chat.HistoryPage;
import bd.com.getit.realtime.domain.chat.HistoryQuery;
import bd.com.getit.realtime.domain.chat.RoomListQuery;
import bd.com.getit.realtime.domain.chat.RoomPage;
import bd.com.getit.realtime.domain.chat.SentMessage;
import java.time.Duration;
import java.time.Instant;
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
   * A page of the rooms of {@code query.participant()}, latest activity first (ties by room id,
   * descending), each with its newest message and the participant's unread count: the messages of
   * other senders newer than the participant's read mark (all of them when there is no mark).
   */
  CompletionStage<RoomPage> roomPage(RoomListQuery query);

  /**
   * Stores a message once: completes {@code true} when stored, {@code false} when a message with
   * the same id was already there (a retry), leaving the first untouched.
   */
  CompletionStage<Boolean> append(ChatMessage message);

  /**
   * Stores {@code message} unless its sender already sent one with {@code clientId} to the same
   * room less than {@code window} before {@code message.timestamp()}; the key is remembered for
   * {@code window}. Atomic across callers and nodes sharing the store: of concurrent sends with one
   * key, exactly one is stored.
   *
   * @return empty when {@code message} was stored; the first send when this is a retry (then
   *     nothing is stored)
   */
  CompletionStage<Optional<SentMessage>> appendOnce(
      ChatMessage message, ClientMessageId clientId, Duration window);

  /**
   * The message {@code sender} sent to {@code room} with {@code clientId} strictly after {@code
   * after}, if any: a cheap look before a send is checked further (rate limit, spam), so that a
   * retry is not counted again.
   */
  CompletionStage<Optional<SentMessage>> findSent(
      RoomId room, UserId sender, ClientMessageId clientId, Instant after);

  CompletionStage<Optional<ChatMessage>> findMessage(MessageId message);

  /** A page of history, newest first, by time then id. */
  CompletionStage<HistoryPage> history(HistoryQuery query);
}
