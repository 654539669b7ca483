package bd.com.getit.realtime.adapter.mongo;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventRecord;
import bd.com.getit.realtime.domain.JsonValue.JsonArray;
import bd.com.getit.realtime.domain.JsonValue.JsonBool;
import bd.com.getit.realtime.domain.JsonValue.JsonNull;
import bd.com.getit.realtime.domain.JsonValue.JsonNumber;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.JsonValue.JsonString;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.TestEvents;
import bd.com.getit.realtime.testkit.contract.EventLogContract;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "{0}")
@MethodSource("bd.com.getit.realtime.adapter.mongo.TestMongo#backends")
class MongoEventLogIT extends EventLogContract {
  private static final Duration RETENTION = Duration.ofDays(30);

  @Parameter TestMongo.Backend backend;

  private MongoDatabase db;
  private MongoEventLog log;

  @Override
  protected EventLog newLog() {
    db = backend.freshDatabase();
    log = new MongoEventLog(db.getCollection(MongoEventLog.EVENTS), RETENTION);
    return log;
  }

  @AfterEach
  void dropDatabase() {
    backend.drop(db);
  }

  private Document stored(String id) {
    return join(Publishers.first(
            db.getCollection(MongoEventLog.EVENTS).find(new Document("_id", id))))
        .orElseThrow();
  }

  @Test
  void everyJsonValueReadsBackExactly() {
    JsonObject data =
        JsonObject.builder()
            .put("price", new JsonNumber(new BigDecimal("1299.50")))
            .put("big", new JsonNumber(new BigDecimal("123456789012345678901234567890")))
            .put("exp", new JsonNumber(new BigDecimal("1E+3")))
            .put("count", 7)
            .put("on", JsonBool.TRUE)
            .put("none", JsonNull.INSTANCE)
            .put("tags", JsonArray.of(new JsonString("a"), JsonNumber.of(2)))
            .put("nested", JsonObject.builder().put("আইডি", "বাংলা").build())
            .build();
    Event event =
        TestEvents.event()
            .id("e1")
            .data(data)
            .priority(Priority.CRITICAL)
            .ttl(Duration.ofMinutes(5))
            .recipients(ChannelName.parse("user:u1"), ChannelName.parse("user:u2"))
            .persist(true)
            .build();

    join(log.record(event));

    assertThat(join(log.find(EventId.of("e1")))).contains(new EventRecord(event, 0, 0));
  }

  @Test
  void theRecordIsRemovedAfterTheRetentionOrTheEventsLongerTtl() {
    Event shortLived = TestEvents.event().id("short").ttl(Duration.ofHours(1)).build();
    Event longLived = TestEvents.event().id("long").ttl(Duration.ofDays(90)).build();
    join(log.record(shortLived));
    join(log.record(longLived));

    assertThat(stored("short").get("ttl"))
        .isEqualTo(Date.from(MutableClock.DEFAULT_START.plus(RETENTION)));
    assertThat(stored("long").get("ttl"))
        .isEqualTo(Date.from(MutableClock.DEFAULT_START.plus(Duration.ofDays(90))));
  }

  @Test
  void totalsLiveUnderDeliveryStatus() {
    join(log.record(TestEvents.event().id("e1").build()));
    join(log.countDeliveries(EventId.of("e1"), 4, 1));

    Document status = stored("e1").get("delivery_status", Document.class);

    assertThat(status.get("delivered")).isEqualTo(4L);
    assertThat(status.get("failed")).isEqualTo(1L);
  }

  @Test
  void anEventWithAnUnknownChannelIsSkipped() {
    join(log.record(TestEvents.event().id("e1").build()));
    join(
        Publishers.first(
            db.getCollection(MongoEventLog.EVENTS)
                .updateOne(
                    new Document("_id", "e1"),
                    new Document("$set", new Document("channel", "nowhere:1")))));

    assertThat(join(log.find(EventId.of("e1")))).isEmpty();
  }
}
