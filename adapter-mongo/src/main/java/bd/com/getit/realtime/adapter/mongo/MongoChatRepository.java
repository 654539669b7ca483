package bd.com.getit.realtime.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.HistoryPage;
import bd.com.getit.realtime.domain.chat.HistoryQuery;
import bd.com.getit.realtime.port.out.ChatRepository;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Chat rooms ({@code chat_rooms}) and history ({@code chat_messages}) in MongoDB. Thread-safe;
 * every method returns at once and completes on a driver thread. Times are kept to the millisecond.
 * A room's participants are embedded in it, so saving a room is one atomic replace.
 */
public final class MongoChatRepository implements ChatRepository {
  static final String ROOMS = "chat_rooms";
  static final String MESSAGES = "chat_messages";

  /** At most this many rooms are listed for one user (the newest ids are not preferred). */
  static final int MAX_ROOMS_PER_USER = 1_000;

  private static final Bson NEWEST_FIRST = Sorts.descending(ChatMessageDocument.TIMESTAMP, "_id");

  private final MongoCollection<Document> rooms;
  private final MongoCollection<Document> messages;
  private final DocumentMapper mapper = DocumentMapper.INSTANCE;

  MongoChatRepository(MongoCollection<Document> rooms, MongoCollection<Document> messages) {
    this.rooms = Objects.requireNonNull(rooms, "rooms");
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  @Override
  public CompletionStage<Void> saveRoom(ChatRoom room) {
    Objects.requireNonNull(room, "room");
    Document document = mapper.toDocument(room).toBson();
    return Reads.guard(
            "saving room " + room.id(),
            Publishers.first(rooms.replaceOne(eq("_id", room.id().value()), document, upsert())))
        .thenApply(r -> null);
  }

  @Override
  public CompletionStage<Optional<ChatRoom>> findRoom(RoomId room) {
    Objects.requireNonNull(room, "room");
    return Reads.guard(
            "finding room " + room, Publishers.first(rooms.find(eq("_id", room.value())).limit(1)))
        .thenApply(found -> found.flatMap(this::room));
  }

  @Override
  public CompletionStage<List<ChatRoom>> roomsOf(UserId user) {
    Objects.requireNonNull(user, "user");
    return Reads.guard(
            "listing rooms of " + user,
            Publishers.all(
                rooms
                    .find(eq(ChatRoomDocument.PARTICIPANT_USER, user.value()))
                    .limit(MAX_ROOMS_PER_USER)))
        .thenApply(found -> Reads.decodeAll(ROOMS, found, this::decodeRoom));
  }

  @Override
  public CompletionStage<Boolean> append(ChatMessage message) {
    Objects.requireNonNull(message, "message");
    Document document = mapper.toDocument(message).toBson();
    CompletableFuture<Boolean> stored = new CompletableFuture<>();
    Publishers.first(messages.insertOne(document))
        .whenComplete(
            (r, e) -> {
              if (e == null) {
                stored.complete(true);
              } else if (isDuplicate(e)) {
                stored.complete(false); // a retry: the first copy stays as it was
              } else {
                stored.completeExceptionally(Reads.failure("storing message " + message.id(), e));
              }
            });
    return stored;
  }

  @Override
  public CompletionStage<Optional<ChatMessage>> findMessage(MessageId message) {
    Objects.requireNonNull(message, "message");
    return Reads.guard(
            "finding message " + message,
            Publishers.first(messages.find(eq("_id", message.value())).limit(1)))
        .thenApply(found -> found.flatMap(d -> Reads.decode(MESSAGES, d, this::decodeMessage)));
  }

  /**
   * Walks the {@code room_history} index newest first: {@code before} seeks into it, {@code page}
   * skips whole pages within the room's range only, and one extra document tells {@code hasMore}.
   */
  @Override
  public CompletionStage<HistoryPage> history(HistoryQuery query) {
    Objects.requireNonNull(query, "query");
    Bson filter = eq(ChatMessageDocument.ROOM_ID, query.room().value());
    if (query.before().isPresent()) {
      filter =
          and(
              filter,
              lt(ChatMessageDocument.TIMESTAMP, Date.from(upToMilli(query.before().get()))));
    }
    return Reads.guard(
            "reading history of " + query.room(),
            Publishers.all(
                messages
                    .find(filter)
                    .sort(NEWEST_FIRST)
                    .skip(query.offset())
                    .limit(query.limit() + 1)))
        .thenApply(
            found -> {
              boolean hasMore = found.size() > query.limit();
              List<Document> page = hasMore ? found.subList(0, query.limit()) : found;
              return new HistoryPage(
                  Reads.decodeAll(MESSAGES, page, this::decodeMessage),
                  query.page(),
                  query.limit(),
                  hasMore);
            });
  }

  /**
   * Stored times are whole milliseconds, so "strictly before" an instant with a fraction of a
   * millisecond means strictly before the next whole millisecond.
   */
  static Instant upToMilli(Instant before) {
    Instant whole = before.truncatedTo(ChronoUnit.MILLIS);
    return whole.equals(before) ? whole : whole.plusMillis(1);
  }

  private Optional<ChatRoom> room(Document d) {
    return Reads.decode(ROOMS, d, this::decodeRoom);
  }

  private ChatRoom decodeRoom(Document d) {
    return mapper.toDomain(ChatRoomDocument.fromBson(d));
  }

  private ChatMessage decodeMessage(Document d) {
    return mapper.toDomain(ChatMessageDocument.fromBson(d));
  }

  private static ReplaceOptions upsert() {
    return new ReplaceOptions().upsert(true);
  }

  static boolean isDuplicate(Throwable failure) {
    return Reads.cause(failure) instanceof MongoWriteException w
        && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }
}
