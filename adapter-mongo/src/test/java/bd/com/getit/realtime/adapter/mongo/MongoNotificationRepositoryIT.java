package bd.com.getit.realtime.adapter.mongo;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.port.out.NotificationRepository;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.NotificationRepositoryContract;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "{0}")
@MethodSource("bd.com.getit.realtime.adapter.mongo.TestMongo#backends")
class MongoNotificationRepositoryIT extends NotificationRepositoryContract {
  private static final Instant T0 = MutableClock.DEFAULT_START;
  private static final UserId ALICE = UserId.of("alice");

  @Parameter TestMongo.Backend backend;

  private MongoDatabase db;
  private MongoNotificationRepository repository;

  @Override
  protected NotificationRepository newRepository() {
    db = backend.freshDatabase();
    repository =
        new MongoNotificationRepository(
            db.getCollection(MongoNotificationRepository.NOTIFICATIONS));
    return repository;
  }

  @AfterEach
  void dropDatabase() {
    backend.drop(db);
  }

  private static Notification notification(String id, int secondsAfterT0) {
    return new Notification(
        NotificationId.of(id),
        ALICE,
        "order_shipped",
        LocalizedText.of("Shipped", "পাঠানো হয়েছে"),
        LocalizedText.of("On its way", null),
        JsonObject.builder().put("order_id", "42").build(),
        Optional.empty(),
        Priority.HIGH,
        NotificationStatus.SENT,
        Map.of(NotificationStatus.SENT, T0.plusSeconds(secondsAfterT0)));
  }

  private Document stored(String id) {
    return join(Publishers.first(
            db.getCollection(MongoNotificationRepository.NOTIFICATIONS)
                .find(new Document("_id", id))))
        .orElseThrow();
  }

  @Test
  void aNotificationMissingItsTitleIsSkippedInListsButStillCounted() {
    join(repository.save(notification("good", 1)));
    join(
        Publishers.first(
            db.getCollection(MongoNotificationRepository.NOTIFICATIONS)
                .insertOne(
                    new Document("_id", "broken")
                        .append("user_id", ALICE.value())
                        .append("type", "x")
                        .append("message", "no title")
                        .append("priority", "high")
                        .append("status", "sent")
                        .append("sent_at", Date.from(T0.plusSeconds(2))))));

    assertThat(join(repository.list(ALICE, false, 10)))
        .extracting(n -> n.id().value())
        .containsExactly("good");
    assertThat(join(repository.find(NotificationId.of("broken")))).isEmpty();
  }

  @Test
  void storesBothLanguagesAndEveryStatusTime() {
    Notification clicked =
        notification("n1", 1)
            .advance(NotificationStatus.DELIVERED, T0.plusSeconds(2))
            .advance(NotificationStatus.CLICKED, T0.plusSeconds(3));
    join(repository.save(clicked));

    Document d = stored("n1");

    assertThat(d.getString("title_bn")).isEqualTo("পাঠানো হয়েছে");
    assertThat(d.get("message_bn")).isNull();
    assertThat(d.getString("channel")).isEqualTo("user:alice");
    assertThat(d.getString("status")).isEqualTo("clicked");
    assertThat(d.get("sent_at")).isEqualTo(Date.from(T0.plusSeconds(1)));
    assertThat(d.get("delivered_at")).isEqualTo(Date.from(T0.plusSeconds(2)));
    assertThat(d.get("read_at")).isEqualTo(Date.from(T0.plusSeconds(3)));
    assertThat(d.get("clicked_at")).isEqualTo(Date.from(T0.plusSeconds(3)));
    assertThat(join(repository.find(NotificationId.of("n1")))).contains(clicked);
  }

  @Test
  void aLimitOfZeroListsNothing() {
    join(repository.save(notification("n1", 1)));

    assertThat(join(repository.list(ALICE, false, 0))).isEmpty();
  }
}
