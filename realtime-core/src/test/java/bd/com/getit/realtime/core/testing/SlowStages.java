package bd.com.getit.realtime.core.testing;

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
import bd.com.getit.realtime.port.out.ChatRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * A chat repository whose answers come as stages the core cannot take a shortcut on, as a store
 * over the network answers: the services' ordinary stage path is then what runs. The wrapped
 * repository does the work.
 */
public final class SlowStages implements ChatRepository {
  private final ChatRepository store;
  private final UnaryOperator<CompletionStage<?>> slow;

  private SlowStages(ChatRepository store, UnaryOperator<CompletionStage<?>> slow) {
    this.store = store;
    this.slow = slow;
  }

  /** Each answer as a minimal stage: complete, but not a plain future, so never taken at once. */
  public static ChatRepository minimal(ChatRepository store) {
    return new SlowStages(store, stage -> stage.toCompletableFuture().minimalCompletionStage());
  }

  /** Each answer completed a few milliseconds later, on another thread. */
  public static ChatRepository delayed(ChatRepository store) {
    return new SlowStages(
        store,
        stage ->
            stage.thenApplyAsync(
                v -> v,
                java.util.concurrent.CompletableFuture.delayedExecutor(
                    5, java.util.concurrent.TimeUnit.MILLISECONDS)));
  }

  @SuppressWarnings("unchecked")
  private <T> CompletionStage<T> slow(CompletionStage<T> stage) {
    return (CompletionStage<T>) slow.apply(stage);
  }

  @Override
  public CompletionStage<Void> saveRoom(ChatRoom room) {
    return slow(store.saveRoom(room));
  }

  @Override
  public CompletionStage<Optional<ChatRoom>> findRoom(RoomId room) {
    return slow(store.findRoom(room));
  }

  @Override
  public CompletionStage<List<ChatRoom>> roomsOf(UserId user) {
    return slow(store.roomsOf(user));
  }

  @Override
  public CompletionStage<RoomPage> roomPage(RoomListQuery query) {
    return slow(store.roomPage(query));
  }

  @Override
  public CompletionStage<Boolean> append(ChatMessage message) {
    return slow(store.append(message));
  }

  @Override
  public CompletionStage<Optional<SentMessage>> appendOnce(
      ChatMessage message, ClientMessageId clientId, Duration window) {
    return slow(store.appendOnce(message, clientId, window));
  }

  @Override
  public CompletionStage<Optional<SentMessage>> findSent(
      RoomId room, UserId sender, ClientMessageId clientId, Instant after) {
    return slow(store.findSent(room, sender, clientId, after));
  }

  @Override
  public CompletionStage<Optional<ChatMessage>> findMessage(MessageId message) {
    return slow(store.findMessage(message));
  }

  @Override
  public CompletionStage<HistoryPage> history(HistoryQuery query) {
    return slow(store.history(query));
  }
}
