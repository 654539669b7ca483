package bd.com.getit.realtime.adapter.mongo;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.HistoryQuery;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.ChatRepositoryContract;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "{0}")
@MethodSource("bd.com.getit.realtime.adapter.mongo.TestMongo#backends")
class MongoChatRepositoryIT extends ChatRepositoryContract {
  private static final Instant T0 = MutableClock.DEFAULT_START;
  private static final RoomId ROOM = RoomId.of("room-1");

  @Parameter TestMongo.Backend backend;

  private MongoDatabase db;
  private MongoChatRepository repository;

  @Override
  protected ChatRepository newRepository() {
    db = backend.freshDatabase();
    repository =
        new MongoChatRepository(
            db.getCollection(MongoChatRepository.ROOMS),
            db.getCollection(MongoChatRepository.MESSAGES),
            db.getCollection(MongoChatRepository.CLIENT_MESSAGES));
    return repository;
  }

  @AfterEach
  void dropDatabase() {
    backend.drop(db);
  }

  private static ChatMessage message(String id, Instant at) {
    return new ChatMessage(
        MessageId.of(id),
        ROOM,
        UserId.of("customer-1"),
        Role.CUSTOMER,
        MessageType.TEXT,
        "text of " + id,
        JsonObject.builder().put("n", 1).put("ratio", "0.5").build(),
        at);
  }

  private void insertRaw(Document document) {
    join(Publishers.first(db.getCollection(MongoChatRepository.MESSAGES).insertOne(document)));
  }

  @Test
  void aMessageMissingAFieldIsSkippedAndTheRestServed() {
    join(repository.append(message("good-1", T0.plusSeconds(1))));
    join(repository.append(message("good-2", T0.plusSeconds(3))));
    // No sender_id: written by hand or by an old version.
    insertRaw(
        new Document("_id", "broken")
            .append("room_id", ROOM.value())
            .append("type", "text")
            .append("message", "hi")
            .append("timestamp", Date.from(T0.plusSeconds(2))));

    var page = join(repository.history(new HistoryQuery(ROOM, 1, 10, Optional.empty())));

    assertThat(page.messages()).extracting(m -> m.id().value()).containsExactly("good-2", "good-1");
    assertThat(join(repository.findMessage(MessageId.of("broken")))).isEmpty();
  }

  @Test
  void aMessageWithAnUnknownTypeIsSkipped() {
    join(repository.append(message("good", T0)));
    insertRaw(
        new Document("_id", "odd")
            .append("room_id", ROOM.value())
            .append("sender_id", "u1")
            .append("sender_role", "customer")
            .append("type", "hologram")
            .append("message", "hi")
            .append("timestamp", Date.from(T0.plusSeconds(1))));

    var page = join(repository.history(new HistoryQuery(ROOM, 1, 10, Optional.empty())));

    assertThat(page.messages()).extracting(m -> m.id().value()).containsExactly("good");
  }

  @Test
  void aRoomWithABrokenParticipantIsNotServed() {
    join(
        Publishers.first(
            db.getCollection(MongoChatRepository.ROOMS)
                .insertOne(
                    new Document("_id", "room-9")
                        .append("type", "group_chat")
                        .append("status", "active")
                        .append("created_by", "u1")
                        .append("created_at", Date.from(T0))
                        .append(
                            "participants", java.util.List.of(new Document("role", "member"))))));

    assertThat(join(repository.findRoom(RoomId.of("room-9")))).isEmpty();
  }

  @Test
  void storedDocumentsUseTheDocumentedFieldNames() {
    join(repository.append(message("m1", T0)));

    Document stored =
        join(Publishers.first(
                db.getCollection(MongoChatRepository.MESSAGES).find(new Document("_id", "m1"))))
            .orElseThrow();

    assertThat(stored.keySet())
        .containsExactly(
            "_id",
            "room_id",
            "sender_id",
            "sender_role",
            "type",
            "message",
            "metadata",
            "timestamp");
    assertThat(stored.get("timestamp")).isEqualTo(Date.from(T0));
    assertThat(stored.get("metadata", Document.class).get("n")).isEqualTo(1L);
  }

  @Test
  void beforeWithAFractionOfAMillisecondKeepsTheMessagesOfThatMillisecondBefore() {
    Instant at = T0.plusMillis(7);
    join(repository.append(message("same-milli", at)));

    var page =
        join(repository.history(new HistoryQuery(ROOM, 1, 10, Optional.of(at.plusNanos(500_000)))));

    assertThat(page.messages()).extracting(m -> m.id().value()).containsExactly("same-milli");
  }

  @Test
  void theRoomListingAndTheClientIdsHaveTheirIndexes() {
    join(Schema.createIndexes(db));

    java.util.List<Document> roomIndexes =
        join(Publishers.all(db.getCollection(MongoChatRepository.ROOMS).listIndexes()));
    java.util.List<Document> claimIndexes =
        join(Publishers.all(db.getCollection(MongoChatRepository.CLIENT_MESSAGES).listIndexes()));

    assertThat(roomIndexes)
        .extracting(d -> d.getString("name"))
        .contains("participant_rooms", "participant_activity", "participant_status_activity");
    Document byActivity =
        roomIndexes.stream()
            .filter(d -> d.getString("name").equals("participant_status_activity"))
            .findFirst()
            .orElseThrow();
    assertThat(byActivity.get("key", Document.class).keySet())
        .containsExactly("participants.user_id", "status", "last_activity", "_id");
    Document expiry =
        claimIndexes.stream()
            .filter(d -> d.getString("name").equals("expires_at"))
            .findFirst()
            .orElseThrow();
    assertThat(((Number) expiry.get("expireAfterSeconds")).longValue()).isZero();
  }

  @Test
  void aRoomStoredByAnEarlierVersionListsWithItsCreationAsActivityAndOldRolesRead() {
    join(
        Publishers.first(
            db.getCollection(MongoChatRepository.ROOMS)
                .insertOne(
                    new Document("_id", "room-old")
                        .append("type", "group_chat")
                        .append("status", "active")
                        .append("created_by", "u1")
                        .append("metadata", new Document())
                        .append("created_at", Date.from(T0))
                        .append(
                            "participants",
                            java.util.List.of(
                                new Document("user_id", "u1")
                                    .append("role", "owner")
                                    .append("joined_at", Date.from(T0)),
                                new Document("user_id", "u2")
                                    .append("role", "agent")
                                    .append("joined_at", Date.from(T0))))
                        .append("last_activity", Date.from(T0)))));

    var page =
        join(
            repository.roomPage(
                new bd.com.getit.realtime.domain.chat.RoomListQuery(
                    UserId.of("u2"), Optional.empty(), 10, Optional.empty())));

    assertThat(page.rooms()).hasSize(1);
    assertThat(page.rooms().get(0).lastActivity()).isEqualTo(T0);
    assertThat(page.rooms().get(0).room().participants())
        .extracting(p -> p.role().wireName())
        .containsExactly("customer", "support_agent");
  }
}
