package bd.com.getit.realtime.adapter.mongo;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.presence.Location;
import bd.com.getit.realtime.domain.presence.Presence;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import bd.com.getit.realtime.domain.presence.ShoppingActivity;
import bd.com.getit.realtime.port.out.PresenceArchive;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.PresenceArchiveContract;
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
class MongoPresenceArchiveIT extends PresenceArchiveContract {
  private static final Instant T0 = MutableClock.DEFAULT_START;

  @Parameter TestMongo.Backend backend;

  private MongoDatabase db;
  private MongoPresenceArchive archive;

  @Override
  protected PresenceArchive newArchive() {
    db = backend.freshDatabase();
    archive = new MongoPresenceArchive(db.getCollection(MongoPresenceArchive.PRESENCE));
    return archive;
  }

  @AfterEach
  void dropDatabase() {
    backend.drop(db);
  }

  @Test
  void storesTheDocumentedFields() {
    join(
        archive.save(
            new Presence(
                UserId.of("alice"),
                PresenceStatus.AWAY,
                Optional.of(T0),
                Optional.of("/cart"),
                ShoppingActivity.NONE,
                Optional.of(Location.of("Khulna", null)),
                2),
            T0.plusSeconds(1)));

    Document d =
        join(Publishers.first(
                db.getCollection(MongoPresenceArchive.PRESENCE).find(new Document("_id", "alice"))))
            .orElseThrow();
    assertThat(d.getString("status")).isEqualTo("away");
    assertThat(d.get("last_seen")).isEqualTo(Date.from(T0));
    assertThat(d.getString("current_page")).isEqualTo("/cart");
    assertThat(d.get("device_count")).isEqualTo(2L);
    assertThat(d.get("location", Document.class)).containsEntry("division", "Khulna");
    assertThat(d.get("updated_at")).isEqualTo(Date.from(T0.plusSeconds(1)));
  }

  @Test
  void aMalformedDocumentReadsAsUnknown() {
    join(
        Publishers.first(
            db.getCollection(MongoPresenceArchive.PRESENCE)
                .insertOne(
                    new Document("_id", "bob")
                        .append("status", "sleeping")
                        .append("device_count", 0L)
                        .append("updated_at", Date.from(T0)))));

    assertThat(join(archive.find(UserId.of("bob")))).isEmpty();
  }
}
