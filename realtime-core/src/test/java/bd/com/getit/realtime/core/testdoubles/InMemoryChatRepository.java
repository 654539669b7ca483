package bd.com.getit.realtime.core.testdoubles;

import bd.com.getit.realtime.domain.ChatMessage;
import bd.com.getit.realtime.domain.ChatRoom;
import bd.com.getit.realtime.domain.HistoryPage;
import bd.com.getit.realtime.domain.HistoryQuery;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.out.ChatRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** A map-backed chat repository for tests. */
public final class InMemoryChatRepository implements ChatRepository {

  private final Map<RoomId, ChatRoom> rooms = new ConcurrentHashMap<>();
  private final Map<MessageId, ChatMessage> messages = new ConcurrentHashMap<>();

  @Override
  public CompletionStage<Void> saveRoom(ChatRoom room) {
    rooms.put(room.id(), room);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Optional<ChatRoom>> findRoom(RoomId room) {
    return CompletableFuture.completedFuture(Optional.ofNullable(rooms.get(room)));
  }

  @Override
  public CompletionStage<List<ChatRoom>> roomsOf(UserId user) {
    return CompletableFuture.completedFuture(
        rooms.values().stream()
            .filter(r -> r.hasParticipant(user))
            .sorted(Comparator.comparing(r -> r.id().value()))
            .toList());
  }

  @Override
  public CompletionStage<Boolean> append(ChatMessage message) {
    return CompletableFuture.completedFuture(messages.putIfAbsent(message.id(), message) == null);
  }

  @Override
  public CompletionStage<Optional<ChatMessage>> findMessage(MessageId message) {
    return CompletableFuture.completedFuture(Optional.ofNullable(messages.get(message)));
  }

  @Override
  public CompletionStage<HistoryPage> history(HistoryQuery query) {
    List<ChatMessage> all =
        messages.values().stream()
            .filter(m -> m.room().equals(query.room()))
            .filter(m -> query.before().map(b -> m.timestamp().isBefore(b)).orElse(true))
            .sorted(
                Comparator.comparing(ChatMessage::timestamp)
                    .thenComparing(m -> m.id().value())
                    .reversed())
            .toList();
    List<ChatMessage> page = all.stream().skip(query.offset()).limit(query.limit()).toList();
    boolean more = all.size() > query.offset() + page.size();
    return CompletableFuture.completedFuture(
        new HistoryPage(page, query.page(), query.limit(), more));
  }

  public Optional<ChatRoom> room(RoomId id) {
    return Optional.ofNullable(rooms.get(id));
  }

  public List<ChatMessage> messages() {
    return List.copyOf(messages.values());
  }
}
