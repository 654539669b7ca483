package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.HistoryPage;
import bd.com.getit.realtime.domain.chat.HistoryQuery;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.port.out.ChatRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * Chat rooms and their history in this process. Thread-safe (one lock) and returns completed
 * stages. Memory: rooms are kept until the process ends; each room keeps its newest {@code
 * maxMessagesPerRoom} messages (older ones are forgotten, and a retry of a forgotten id would be
 * stored again).
 */
public final class InMemoryChatRepository implements ChatRepository {
  /** The default number of messages kept per room. */
  public static final int DEFAULT_MAX_MESSAGES_PER_ROOM = 10_000;

  private static final Comparator<Key> ORDER =
      Comparator.comparing(Key::time).thenComparing(Key::id);

  private final int maxMessagesPerRoom;
  private final Object lock = new Object();
  private final Map<RoomId, ChatRoom> rooms = new HashMap<>();
  private final Map<UserId, Set<RoomId>> roomsByUser = new HashMap<>();
  private final Map<MessageId, ChatMessage> messages = new HashMap<>();
  private final Map<RoomId, TreeMap<Key, ChatMessage>> histories = new HashMap<>();

  public InMemoryChatRepository() {
    this(DEFAULT_MAX_MESSAGES_PER_ROOM);
  }

  public InMemoryChatRepository(int maxMessagesPerRoom) {
    if (maxMessagesPerRoom < 1) {
      throw new IllegalArgumentException("maxMessagesPerRoom >= 1");
    }
    this.maxMessagesPerRoom = maxMessagesPerRoom;
  }

  /** A message's place in its room's history: by time, then id. */
  private record Key(Instant time, String id) {}

  @Override
  public CompletionStage<Void> saveRoom(ChatRoom room) {
    Objects.requireNonNull(room, "room");
    synchronized (lock) {
      ChatRoom previous = rooms.put(room.id(), room);
      if (previous != null) {
        for (Participant p : previous.participants()) {
          Set<RoomId> ofUser = roomsByUser.get(p.user());
          ofUser.remove(room.id());
          if (ofUser.isEmpty()) {
            roomsByUser.remove(p.user());
          }
        }
      }
      for (Participant p : room.participants()) {
        roomsByUser.computeIfAbsent(p.user(), u -> new LinkedHashSet<>()).add(room.id());
      }
    }
    return completedFuture(null);
  }

  @Override
  public CompletionStage<Optional<ChatRoom>> findRoom(RoomId room) {
    Objects.requireNonNull(room, "room");
    synchronized (lock) {
      return completedFuture(Optional.ofNullable(rooms.get(room)));
    }
  }

  @Override
  public CompletionStage<List<ChatRoom>> roomsOf(UserId user) {
    Objects.requireNonNull(user, "user");
    synchronized (lock) {
      List<ChatRoom> result = new ArrayList<>();
      roomsByUser.getOrDefault(user, Set.of()).forEach(id -> result.add(rooms.get(id)));
      return completedFuture(List.copyOf(result));
    }
  }

  @Override
  public CompletionStage<Boolean> append(ChatMessage message) {
    Objects.requireNonNull(message, "message");
    synchronized (lock) {
      if (messages.putIfAbsent(message.id(), message) != null) {
        return completedFuture(false);
      }
      TreeMap<Key, ChatMessage> history =
          histories.computeIfAbsent(message.room(), r -> new TreeMap<>(ORDER));
      history.put(new Key(message.timestamp(), message.id().value()), message);
      while (history.size() > maxMessagesPerRoom) {
        messages.remove(history.pollFirstEntry().getValue().id());
      }
      return completedFuture(true);
    }
  }

  @Override
  public CompletionStage<Optional<ChatMessage>> findMessage(MessageId message) {
    Objects.requireNonNull(message, "message");
    synchronized (lock) {
      return completedFuture(Optional.ofNullable(messages.get(message)));
    }
  }

  @Override
  public CompletionStage<HistoryPage> history(HistoryQuery query) {
    Objects.requireNonNull(query, "query");
    synchronized (lock) {
      NavigableMap<Key, ChatMessage> history =
          histories.getOrDefault(query.room(), new TreeMap<>(ORDER));
      if (query.before().isPresent()) {
        // The empty id sorts before every real id: strictly before that instant.
        history = history.headMap(new Key(query.before().get(), ""), false);
      }
      Iterator<ChatMessage> newestFirst = history.descendingMap().values().iterator();
      for (int skipped = 0; skipped < query.offset() && newestFirst.hasNext(); skipped++) {
        newestFirst.next();
      }
      List<ChatMessage> page = new ArrayList<>(query.limit());
      while (page.size() < query.limit() && newestFirst.hasNext()) {
        page.add(newestFirst.next());
      }
      return completedFuture(
          new HistoryPage(page, query.page(), query.limit(), newestFirst.hasNext()));
    }
  }
}
