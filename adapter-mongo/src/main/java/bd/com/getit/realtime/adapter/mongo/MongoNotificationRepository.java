package bd.com.getit.realtime.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.port.out.NotificationRepository;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Users' notifications in {@code realtime_notifications}. Thread-safe; every method returns at once
 * and completes on a driver thread. Times are kept to the millisecond.
 */
public final class MongoNotificationRepository implements NotificationRepository {
  static final String NOTIFICATIONS = "realtime_notifications";

  /** The statuses that count as unread, as stored. */
  static final List<String> UNREAD =
      List.of(NotificationStatus.SENT.wireName(), NotificationStatus.DELIVERED.wireName());

  private static final Bson NEWEST_FIRST = Sorts.descending(NotificationDocument.SENT_AT, "_id");

  private final MongoCollection<Document> notifications;
  private final DocumentMapper mapper = DocumentMapper.INSTANCE;

  MongoNotificationRepository(MongoCollection<Document> notifications) {
    this.notifications = Objects.requireNonNull(notifications, "notifications");
  }

  @Override
  public CompletionStage<Void> save(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    Document document = mapper.toDocument(notification).toBson();
    return Reads.guard(
            "saving notification " + notification.id(),
            Publishers.first(
                notifications.replaceOne(
                    eq("_id", notification.id().value()),
                    document,
                    new ReplaceOptions().upsert(true))))
        .thenApply(r -> null);
  }

  /** A compare-and-set: replaced only while the stored status is still the expected one. */
  @Override
  public CompletionStage<Boolean> replace(Notification next, NotificationStatus expected) {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(expected, "expected");
    Document document = mapper.toDocument(next).toBson();
    return Reads.guard(
            "replacing notification " + next.id(),
            Publishers.first(
                notifications.replaceOne(
                    and(
                        eq("_id", next.id().value()),
                        eq(NotificationDocument.STATUS, expected.wireName())),
                    document)))
        .thenApply(r -> r.map(UpdateResult::getModifiedCount).orElse(0L) == 1L);
  }

  @Override
  public CompletionStage<Optional<Notification>> find(NotificationId id) {
    Objects.requireNonNull(id, "id");
    return Reads.guard(
            "finding notification " + id,
            Publishers.first(notifications.find(eq("_id", id.value())).limit(1)))
        .thenApply(found -> found.flatMap(d -> Reads.decode(NOTIFICATIONS, d, this::decode)));
  }

  @Override
  public CompletionStage<List<Notification>> list(UserId user, boolean unreadOnly, int limit) {
    Objects.requireNonNull(user, "user");
    if (limit < 0) {
      throw new IllegalArgumentException("limit >= 0");
    }
    if (limit == 0) {
      return CompletableFuture.completedFuture(List.of()); // MongoDB reads limit 0 as "no limit"
    }
    return Reads.guard(
            "listing notifications of " + user,
            Publishers.all(
                notifications.find(ofUser(user, unreadOnly)).sort(NEWEST_FIRST).limit(limit)))
        .thenApply(found -> Reads.decodeAll(NOTIFICATIONS, found, this::decode));
  }

  @Override
  public CompletionStage<Long> unreadCount(UserId user) {
    Objects.requireNonNull(user, "user");
    return Reads.guard(
            "counting unread notifications of " + user,
            Publishers.first(notifications.countDocuments(ofUser(user, true))))
        .thenApply(count -> count.orElse(0L));
  }

  private static Bson ofUser(UserId user, boolean unreadOnly) {
    Bson filter = eq(NotificationDocument.USER_ID, user.value());
    return unreadOnly ? and(filter, in(NotificationDocument.STATUS, UNREAD)) : filter;
  }

  private Notification decode(Document d) {
    return mapper.toDomain(NotificationDocument.fromBson(d));
  }
}
