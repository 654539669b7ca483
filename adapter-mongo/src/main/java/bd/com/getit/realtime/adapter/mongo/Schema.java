package bd.com.getit.realtime.adapter.mongo;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The indexes the adapter's queries use (docs/mongodb.md lists which query uses which). Creating an
 * index that exists with the same definition is a no-op, so this runs at every start.
 */
final class Schema {
  private Schema() {}

  static CompletionStage<Void> createIndexes(MongoDatabase db) {
    List<CompletableFuture<?>> all = new ArrayList<>();
    all.add(
        create(
            db,
            MongoChatRepository.MESSAGES,
            new IndexModel(
                Indexes.compoundIndex(
                    Indexes.ascending(ChatMessageDocument.ROOM_ID),
                    Indexes.descending(ChatMessageDocument.TIMESTAMP, "_id")),
                new IndexOptions().name("room_history"))));
    all.add(
        create(
            db,
            MongoChatRepository.ROOMS,
            new IndexModel(
                Indexes.ascending(ChatRoomDocument.PARTICIPANT_USER),
                new IndexOptions().name("participant_rooms")),
            new IndexModel(
                Indexes.compoundIndex(
                    Indexes.ascending(ChatRoomDocument.PARTICIPANT_USER),
                    Indexes.descending(MongoChatRepository.LAST_ACTIVITY, "_id")),
                new IndexOptions().name("participant_activity")),
            new IndexModel(
                Indexes.compoundIndex(
                    Indexes.ascending(ChatRoomDocument.PARTICIPANT_USER, "status"),
                    Indexes.descending(MongoChatRepository.LAST_ACTIVITY, "_id")),
                new IndexOptions().name("participant_status_activity"))));
    all.add(
        create(
            db,
            MongoChatRepository.CLIENT_MESSAGES,
            new IndexModel(
                Indexes.ascending(MongoChatRepository.EXPIRES_AT),
                new IndexOptions().name("expires_at").expireAfter(0L, TimeUnit.SECONDS))));
    all.add(
        create(
            db,
            MongoNotificationRepository.NOTIFICATIONS,
            new IndexModel(
                Indexes.compoundIndex(
                    Indexes.ascending(NotificationDocument.USER_ID),
                    Indexes.descending(NotificationDocument.SENT_AT, "_id")),
                new IndexOptions().name("user_notifications")),
            new IndexModel(
                Indexes.compoundIndex(
                    Indexes.ascending(NotificationDocument.USER_ID, NotificationDocument.STATUS),
                    Indexes.descending(NotificationDocument.SENT_AT, "_id")),
                new IndexOptions().name("user_unread"))));
    all.add(
        create(
            db,
            MongoEventLog.EVENTS,
            new IndexModel(
                Indexes.ascending(EventDocument.TTL),
                new IndexOptions().name("ttl").expireAfter(0L, TimeUnit.SECONDS))));
    all.add(
        create(
            db,
            MongoConnectionLog.CONNECTIONS,
            new IndexModel(
                Indexes.compoundIndex(
                    Indexes.ascending(ConnectionDocument.USER_ID),
                    Indexes.descending(ConnectionDocument.CONNECTED_AT, "_id")),
                new IndexOptions().name("user_connections")),
            new IndexModel(
                Indexes.ascending(ConnectionDocument.EXPIRES_AT),
                new IndexOptions().name("expires_at").expireAfter(0L, TimeUnit.SECONDS))));
    // user_presence needs no index beyond _id, the user id: one unique document per user.
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  private static CompletableFuture<?> create(
      MongoDatabase db, String collection, IndexModel... indexes) {
    return Reads.guard(
            "creating the indexes of " + collection,
            Publishers.all(db.getCollection(collection).createIndexes(List.of(indexes))))
        .toCompletableFuture();
  }
}
