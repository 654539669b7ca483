package bd.com.getit.realtime.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

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
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat rooms ({@code chat_rooms}), history ({@code chat_messages}) and client message ids ({@code
 * chat_client_messages}) in MongoDB. Thread-safe; every method returns at once and completes on a
 * driver thread. Times are kept to the millisecond. A room's participants are embedded in it, so
 * saving a room is one atomic update of its fields; its {@code last_activity} and {@code
 * last_message}, which the room listing sorts and shows, are moved forward by each stored message.
 *
 * <p>A client message id is claimed by inserting its key (unique {@code _id}) before the message;
 * the claim is released when the message cannot be stored, and an expired claim (older than the
 * window, before MongoDB's TTL monitor removed it) is replaced.
 */
public final class MongoChatRepository implements ChatRepository {
  private static final Logger LOG = LoggerFactory.getLogger(MongoChatRepository.class);

  static final String ROOMS = "chat_rooms";
  static final String MESSAGES = "chat_messages";
  static final String CLIENT_MESSAGES = "chat_client_messages";

  /** The fields of a room the listing reads besides the room itself. */
  static final String LAST_ACTIVITY = "last_activity";

  static final String LAST_MESSAGE = "last_message";
  static final String EXPIRES_AT = "expires_at";

  /** Claims tried before a send gives up (each failed try lost a race to another send). */
  private static final int CLAIM_ATTEMPTS = 3;

  private static final Bson LATEST_ACTIVITY_FIRST = Sorts.descending(LAST_ACTIVITY, "_id");

  /** At most this many rooms are listed for one user (the newest ids are not preferred). */
  static final int MAX_ROOMS_PER_USER = 1_000;

  private static final Bson NEWEST_FIRST = Sorts.descending(ChatMessageDocument.TIMESTAMP, "_id");

  private final MongoCollection<Document> rooms;
  private final MongoCollection<Document> messages;
  private final MongoCollection<Document> clientMessages;
  private final DocumentMapper mapper = DocumentMapper.INSTANCE;

  MongoChatRepository(
      MongoCollection<Document> rooms,
      MongoCollection<Document> messages,
      MongoCollection<Document> clientMessages) {
    this.rooms = Objects.requireNonNull(rooms, "rooms");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.clientMessages = Objects.requireNonNull(clientMessages, "clientMessages");
  }

  /**
   * Sets the room's own fields, keeping the {@code last_activity} and {@code last_message} that
   * messages moved; a new room's activity starts at its creation.
   */
  @Override
  public CompletionStage<Void> saveRoom(ChatRoom room) {
    Objects.requireNonNull(room, "room");
    Document document = mapper.toDocument(room).toBson();
    List<Bson> sets = new ArrayList<>();
    document.forEach(
        (field, value) -> {
          if (!field.equals("_id")) {
            sets.add(Updates.set(field, value));
          }
        });
    sets.add(Updates.setOnInsert(LAST_ACTIVITY, Date.from(room.createdAt())));
    return Reads.guard(
            "saving room " + room.id(),
            Publishers.first(
                rooms.updateOne(
                    eq("_id", room.id().value()),
                    Updates.combine(sets),
                    new UpdateOptions().upsert(true))))
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

  /**
   * One query on {@code participant_activity} (or {@code participant_status_activity} with a
   * status), then one count on {@code room_history} per listed room for its unread messages.
   */
  @Override
  public CompletionStage<RoomPage> roomPage(RoomListQuery query) {
    Objects.requireNonNull(query, "query");
    List<Bson> filters = new ArrayList<>();
    filters.add(eq(ChatRoomDocument.PARTICIPANT_USER, query.participant().value()));
    query.status().ifPresent(s -> filters.add(eq("status", s.wireName())));
    query.before().ifPresent(b -> filters.add(lt(LAST_ACTIVITY, Date.from(upToMilli(b)))));
    return Reads.guard(
            "listing rooms of " + query.participant(),
            Publishers.all(
                rooms.find(and(filters)).sort(LATEST_ACTIVITY_FIRST).limit(query.limit() + 1)))
        .thenCompose(
            found -> {
              boolean hasMore = found.size() > query.limit();
              List<Document> page = hasMore ? found.subList(0, query.limit()) : found;
              List<CompletableFuture<Optional<RoomSummary>>> summaries = new ArrayList<>();
              for (Document d : page) {
                summaries.add(summary(d, query).toCompletableFuture());
              }
              return CompletableFuture.allOf(summaries.toArray(CompletableFuture[]::new))
                  .thenApply(
                      v ->
                          new RoomPage(
                              summaries.stream()
                                  .map(CompletableFuture::join)
                                  .flatMap(Optional::stream)
                                  .toList(),
                              hasMore));
            });
  }

  /** A listed room with its unread count; empty (and logged) when the document is malformed. */
  private CompletionStage<Optional<RoomSummary>> summary(Document d, RoomListQuery query) {
    Optional<ChatRoom> room = room(d);
    if (room.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    Optional<ChatMessage> last =
        Optional.ofNullable(Fields.optionalDocument(d, LAST_MESSAGE))
            .flatMap(m -> Reads.decode(ROOMS, m, this::decodeMessage));
    Instant activity =
        Optional.ofNullable(Fields.optionalInstant(d, LAST_ACTIVITY))
            .orElse(room.get().createdAt());
    List<Bson> unread = new ArrayList<>();
    unread.add(eq(ChatMessageDocument.ROOM_ID, room.get().id().value()));
    unread.add(ne(ChatMessageDocument.SENDER_ID, query.participant().value()));
    room.get()
        .participant(query.participant())
        .flatMap(Participant::lastReadAt)
        .ifPresent(mark -> unread.add(gt(ChatMessageDocument.TIMESTAMP, Date.from(mark))));
    return Reads.guard(
            "counting unread messages of " + room.get().id(),
            Publishers.first(messages.countDocuments(and(unread))))
        .thenApply(n -> Optional.of(new RoomSummary(room.get(), activity, last, n.orElse(0L))));
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
    return stored.thenCompose(
        first -> first ? touchRoom(message, document).thenApply(v -> true) : stored);
  }

  /**
   * Moves the room's last activity and message forward to {@code message}. A failure is logged, not
   * returned: the message is stored, and a retry of it would not be delivered.
   */
  private CompletionStage<Void> touchRoom(ChatMessage message, Document document) {
    Date at = Date.from(message.timestamp());
    Bson older = or(lt(LAST_ACTIVITY, at), exists(LAST_ACTIVITY, false));
    return Publishers.first(
            rooms.updateOne(
                and(eq("_id", message.room().value()), older),
                Updates.combine(
                    Updates.set(LAST_ACTIVITY, at), Updates.set(LAST_MESSAGE, document))))
        .handle(
            (r, e) -> {
              if (e != null) {
                LOG.warn("could not move the last activity of room {}", message.room(), e);
              }
              return null;
            });
  }

  @Override
  public CompletionStage<Optional<SentMessage>> appendOnce(
      ChatMessage message, ClientMessageId clientId, Duration window) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(window, "window");
    String key = clientKey(message.room(), message.sender(), clientId);
    Document claim =
        new Document("_id", key)
            .append("message_id", message.id().value())
            .append(ChatMessageDocument.TIMESTAMP, Date.from(message.timestamp()))
            .append(EXPIRES_AT, Date.from(message.timestamp().plus(window)));
    return claim(message, key, claim, message.timestamp().minus(window), CLAIM_ATTEMPTS);
  }

  private CompletionStage<Optional<SentMessage>> claim(
      ChatMessage message, String key, Document claim, Instant cutoff, int attempts) {
    CompletableFuture<Optional<SentMessage>> outcome = new CompletableFuture<>();
    Publishers.first(clientMessages.insertOne(claim))
        .whenComplete(
            (r, e) -> {
              if (e == null) {
                storeClaimed(message, key).whenComplete(complete(outcome));
              } else if (!isDuplicate(e)) {
                outcome.completeExceptionally(Reads.failure("claiming " + key, e));
              } else if (attempts <= 1) {
                outcome.completeExceptionally(Reads.failure("claiming " + key, e));
              } else {
                held(key)
                    .thenCompose(
                        first -> {
                          if (first.isPresent() && first.get().timestamp().isAfter(cutoff)) {
                            return CompletableFuture.completedFuture(first);
                          }
                          // Expired or just released: take it over, then claim again.
                          Bson stale =
                              first.isPresent()
                                  ? and(eq("_id", key), eq("message_id", first.get().id().value()))
                                  : eq("_id", key);
                          return Publishers.first(clientMessages.deleteOne(stale))
                              .thenCompose(d -> claim(message, key, claim, cutoff, attempts - 1));
                        })
                    .whenComplete(complete(outcome));
              }
            });
    return outcome;
  }

  /** Stores a claimed message; when that fails, the claim is released so that a retry can send. */
  private CompletionStage<Optional<SentMessage>> storeClaimed(ChatMessage message, String key) {
    return append(message)
        .handle(
            (stored, e) -> {
              if (e == null) {
                return CompletableFuture.completedFuture(
                    stored
                        ? Optional.<SentMessage>empty()
                        : Optional.of(new SentMessage(message.id(), message.timestamp())));
              }
              return Publishers.first(
                      clientMessages.deleteOne(
                          and(eq("_id", key), eq("message_id", message.id().value()))))
                  .handle(
                      (d, ignored) -> {
                        throw Reads.failure("storing message " + message.id(), e);
                      })
                  .thenApply(x -> Optional.<SentMessage>empty());
            })
        .thenCompose(stage -> stage);
  }

  private static <T> java.util.function.BiConsumer<T, Throwable> complete(
      CompletableFuture<T> target) {
    return (value, failure) -> {
      if (failure != null) {
        target.completeExceptionally(failure);
      } else {
        target.complete(value);
      }
    };
  }

  private CompletionStage<Optional<SentMessage>> held(String key) {
    return Reads.guard("reading " + key, Publishers.first(clientMessages.find(eq("_id", key))))
        .thenApply(
            found ->
                found.map(
                    d ->
                        new SentMessage(
                            MessageId.of(Fields.text(d, "message_id")),
                            Fields.instant(d, ChatMessageDocument.TIMESTAMP))));
  }

  @Override
  public CompletionStage<Optional<SentMessage>> findSent(
      RoomId room, UserId sender, ClientMessageId clientId, Instant after) {
    Objects.requireNonNull(after, "after");
    return held(clientKey(room, sender, clientId))
        .thenApply(first -> first.filter(s -> s.timestamp().isAfter(after)));
  }

  private static String clientKey(RoomId room, UserId sender, ClientMessageId clientId) {
    // '|' is in none of the three ids: the key is unambiguous.
    return room.value() + "|" + sender.value() + "|" + clientId.value();
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

  static boolean isDuplicate(Throwable failure) {
    return Reads.cause(failure) instanceof MongoWriteException w
        && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }
}
