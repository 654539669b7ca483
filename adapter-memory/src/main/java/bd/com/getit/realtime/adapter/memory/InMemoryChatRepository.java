package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.ClientMessageId;
import bd.com.getit.realtime.domain.chat.HistoryPage;
import bd.com.getit.realtime.domain.chat.HistoryQuery;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.RoomListQuery;
import bd.com.getit.realtime.domain.chat.RoomPage;
import bd.com.getit.realtime.domain.chat.RoomSummary;
import bd.com.getit.realtime.domain.chat.SentMessage;
import bd.com.getit.realtime.port.out.ChatRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * maxMessagesPerRoom} messages, and all rooms together their newest {@code maxMessages} (older ones
 * are forgotten, oldest first, and a retry of a forgotten id would be stored again); at most {@link
 * #MAX_CLIENT_IDS} client message ids are remembered, the oldest forgotten first.
 *
 * <p>The total bound matters: a bound per room alone grows with the number of rooms. The soak run
 * (BENCHMARKS.md, "Soak") measured about 740 bytes of heap per short message; 200 rooms at 10,000
 * messages each would have held 1.5 GB, three times the heap it ran with.
 */
public final class InMemoryChatRepository implements ChatRepository {
  /** The default number of messages kept per room. */
  public static final int DEFAULT_MAX_MESSAGES_PER_ROOM = 10_000;

  /** The most client message ids remembered at once. */
  public static final int MAX_CLIENT_IDS = 100_000;

  /** Rooms by latest activity, newest first; ties by room id, descending. */
  private static final Comparator<RoomSummary> LATEST_FIRST =
      Comparator.comparing(RoomSummary::lastActivity)
          .thenComparing(r -> r.room().id().value())
          .reversed();

  /**
   * By time, then id. Written out: a message's insertion makes a dozen comparisons, and the
   * composed comparator's lambdas were about 2% of a chat message's CPU samples.
   */
  private static final Comparator<Key> ORDER =
      (a, b) -> {
        int byTime = a.time().compareTo(b.time());
        return byTime != 0 ? byTime : a.id().compareTo(b.id());
      };

  /** Bytes of heap a message is budgeted at for the default total (measured: about 740). */
  static final long BUDGETED_BYTES_PER_MESSAGE = 1024;

  private final int maxMessagesPerRoom;
  private final int maxMessages;
  private final ArrayDeque<ChatMessage> appendOrder = new ArrayDeque<>();
  private final Object lock = new Object();
  private final Map<RoomId, ChatRoom> rooms = new HashMap<>();
  private final Map<UserId, Set<RoomId>> roomsByUser = new HashMap<>();
  private final Map<MessageId, ChatMessage> messages = new HashMap<>();
  private final Map<RoomId, TreeMap<Key, ChatMessage>> histories = new HashMap<>();

  private final Map<String, SentMessage> clientIds =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SentMessage> eldest) {
          return size() > MAX_CLIENT_IDS;
        }
      };

  public InMemoryChatRepository() {
    this(DEFAULT_MAX_MESSAGES_PER_ROOM);
  }

  public InMemoryChatRepository(int maxMessagesPerRoom) {
    this(maxMessagesPerRoom, defaultMaxMessages(Runtime.getRuntime().maxMemory()));
  }

  /**
   * @param maxMessagesPerRoom messages kept per room
   * @param maxMessages messages kept over all rooms
   */
  public InMemoryChatRepository(int maxMessagesPerRoom, int maxMessages) {
    if (maxMessagesPerRoom < 1) {
      throw new IllegalArgumentException("maxMessagesPerRoom >= 1");
    }
    if (maxMessages < 1) {
      throw new IllegalArgumentException("maxMessages >= 1");
    }
    this.maxMessagesPerRoom = maxMessagesPerRoom;
    this.maxMessages = maxMessages;
  }

  /**
   * The default total: an eighth of the heap at {@value #BUDGETED_BYTES_PER_MESSAGE} bytes a
   * message, between 10,000 and 1,000,000 (65,536 with a 512 MiB heap).
   */
  static int defaultMaxMessages(long maxHeapBytes) {
    long budget = maxHeapBytes / 8 / BUDGETED_BYTES_PER_MESSAGE;
    return (int) Math.max(10_000, Math.min(1_000_000, budget));
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
  public CompletionStage<RoomPage> roomPage(RoomListQuery query) {
    Objects.requireNonNull(query, "query");
    synchronized (lock) {
      List<RoomSummary> listed = new ArrayList<>();
      for (RoomId id : roomsByUser.getOrDefault(query.participant(), Set.of())) {
        ChatRoom room = rooms.get(id);
        TreeMap<Key, ChatMessage> history = histories.get(id);
        Optional<ChatMessage> last =
            history == null || history.isEmpty()
                ? Optional.empty()
                : Optional.of(history.lastEntry().getValue());
        Instant activity = last.map(ChatMessage::timestamp).orElse(room.createdAt());
        if (query.admits(room.status(), activity)) {
          listed.add(new RoomSummary(room, activity, last, 0));
        }
      }
      listed.sort(LATEST_FIRST);
      boolean hasMore = listed.size() > query.limit();
      List<RoomSummary> page = new ArrayList<>();
      for (RoomSummary r : listed.subList(0, Math.min(query.limit(), listed.size()))) {
        page.add(
            new RoomSummary(
                r.room(),
                r.lastActivity(),
                r.lastMessage(),
                unread(r.room(), query.participant())));
      }
      return completedFuture(new RoomPage(page, hasMore));
    }
  }

  /** Other senders' messages after {@code reader}'s read mark; callers hold the lock. */
  private long unread(ChatRoom room, UserId reader) {
    NavigableMap<Key, ChatMessage> history = histories.get(room.id());
    if (history == null) {
      return 0;
    }
    Optional<Instant> mark = room.participant(reader).flatMap(Participant::lastReadAt);
    if (mark.isPresent()) {
      // Every id sorts before the highest char: strictly after that instant.
      history = history.tailMap(new Key(mark.get(), "\uffff"), false);
    }
    return history.values().stream().filter(m -> !m.sender().equals(reader)).count();
  }

  @Override
  public CompletionStage<Optional<SentMessage>> appendOnce(
      ChatMessage message, ClientMessageId clientId, Duration window) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(window, "window");
    String key = clientKey(message.room(), message.sender(), clientId);
    synchronized (lock) {
      SentMessage first = clientIds.get(key);
      if (first != null && first.timestamp().isAfter(message.timestamp().minus(window))) {
        return completedFuture(Optional.of(first));
      }
      if (!store(message)) {
        return completedFuture(Optional.of(new SentMessage(message.id(), message.timestamp())));
      }
      clientIds.remove(key); // re-inserted last: the map stays oldest first
      clientIds.put(key, new SentMessage(message.id(), message.timestamp()));
      return completedFuture(Optional.empty());
    }
  }

  @Override
  public CompletionStage<Optional<SentMessage>> findSent(
      RoomId room, UserId sender, ClientMessageId clientId, Instant after) {
    Objects.requireNonNull(after, "after");
    String key = clientKey(room, sender, clientId);
    synchronized (lock) {
      return completedFuture(
          Optional.ofNullable(clientIds.get(key)).filter(s -> s.timestamp().isAfter(after)));
    }
  }

  private static String clientKey(RoomId room, UserId sender, ClientMessageId clientId) {
    // '|' is in none of the three: the key is unambiguous.
    return room.value() + "|" + sender.value() + "|" + clientId.value();
  }

  @Override
  public CompletionStage<Boolean> append(ChatMessage message) {
    Objects.requireNonNull(message, "message");
    synchronized (lock) {
      return completedFuture(store(message));
    }
  }

  /** Stores a message once by id, within both bounds; callers hold the lock. */
  private boolean store(ChatMessage message) {
    if (messages.putIfAbsent(message.id(), message) != null) {
      return false;
    }
    TreeMap<Key, ChatMessage> history =
        histories.computeIfAbsent(message.room(), r -> new TreeMap<>(ORDER));
    history.put(key(message), message);
    appendOrder.addLast(message);
    while (history.size() > maxMessagesPerRoom) {
      messages.remove(history.pollFirstEntry().getValue().id());
    }
    // appendOrder may still name messages their room already forgot: bounding it bounds both.
    while (appendOrder.size() > maxMessages) {
      forget(appendOrder.pollFirst());
    }
    return true;
  }

  private void forget(ChatMessage oldest) {
    if (messages.get(oldest.id()) != oldest) {
      return; // its room forgot it already
    }
    messages.remove(oldest.id());
    TreeMap<Key, ChatMessage> history = histories.get(oldest.room());
    history.remove(key(oldest));
    if (history.isEmpty()) {
      histories.remove(oldest.room());
    }
  }

  private static Key key(ChatMessage message) {
    return new Key(message.timestamp(), message.id().value());
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
