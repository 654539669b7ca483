package bd.com.getit.realtime.adapter.mongo;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.Bandwidth;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import bd.com.getit.realtime.domain.connection.ConnectionUpdate;
import bd.com.getit.realtime.domain.presence.Location;
import bd.com.getit.realtime.port.out.ConnectionLog;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.ConnectionLogContract;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "{0}")
@MethodSource("bd.com.getit.realtime.adapter.mongo.TestMongo#backends")
class MongoConnectionLogIT extends ConnectionLogContract {
  private static final Duration RETENTION = Duration.ofDays(30);
  private static final Instant T0 = MutableClock.DEFAULT_START;

  @Parameter TestMongo.Backend backend;

  private MongoDatabase db;
  private MongoConnectionLog log;

  @Override
  protected ConnectionLog newLog() {
    db = backend.freshDatabase();
    log = new MongoConnectionLog(db.getCollection(MongoConnectionLog.CONNECTIONS), RETENTION);
    return log;
  }

  @AfterEach
  void dropDatabase() {
    backend.drop(db);
  }

  private Document stored(String id) {
    return join(Publishers.first(
            db.getCollection(MongoConnectionLog.CONNECTIONS).find(new Document("_id", id))))
        .orElseThrow();
  }

  private void insertRaw(Document d) {
    join(Publishers.first(db.getCollection(MongoConnectionLog.CONNECTIONS).insertOne(d)));
  }

  private static ConnectionInfo connection(String id) {
    return new ConnectionInfo(
        ConnectionId.of(id),
        UserId.of("alice"),
        NodeId.of("node-1"),
        "websocket",
        "203.0.113.7",
        T0,
        Set.of(ChannelName.parse("user:alice")));
  }

  @Test
  void storesTheDocumentedFieldsAndNoSecret() {
    join(log.opened(connection("s1")));
    join(
        log.updated(
            ConnectionUpdate.quality(
                ConnectionId.of("s1"),
                T0.plusSeconds(5),
                new ConnectionQuality(Bandwidth.G2, 900, 0.25))));
    join(
        log.updated(
            ConnectionUpdate.location(
                ConnectionId.of("s1"), T0.plusSeconds(6), Location.of("Dhaka", "Mirpur"))));

    Document d = stored("s1");
    assertThat(d.getString("user_id")).isEqualTo("alice");
    assertThat(d.getString("node_id")).isEqualTo("node-1");
    assertThat(d.getString("transport")).isEqualTo("websocket");
    assertThat(d.getString("client_address")).isEqualTo("203.0.113.7");
    assertThat(d.getString("status")).isEqualTo("connected");
    assertThat(d.get("connected_at")).isEqualTo(Date.from(T0));
    assertThat(d.get("last_activity")).isEqualTo(Date.from(T0.plusSeconds(6)));
    assertThat(d.get("disconnected_at")).isNull();
    assertThat(d.getList("channels", String.class)).containsExactly("user:alice");
    assertThat(d.get("network_info", Document.class))
        .containsEntry("bandwidth", "2g")
        .containsEntry("latency_ms", 900L)
        .containsEntry("packet_loss", 0.25);
    assertThat(d.get("location", Document.class))
        .containsEntry("division", "Dhaka")
        .containsEntry("district", "Mirpur")
        .containsEntry("coordinates", null);
    assertThat(d.get("expires_at")).isEqualTo(Date.from(T0.plusSeconds(6).plus(RETENTION)));
    assertThat(d.keySet()).doesNotContain("pid", "session", "token");
  }

  @Test
  void theIndexesAreCreated() {
    List<Document> indexes =
        join(Publishers.all(db.getCollection(MongoConnectionLog.CONNECTIONS).listIndexes()));

    assertThat(indexes)
        .anySatisfy(
            i -> {
              assertThat(i.getString("name")).isEqualTo("user_connections");
              assertThat(i.get("key", Document.class).keySet())
                  .containsExactly("user_id", "connected_at", "_id");
            })
        .anySatisfy(
            i -> {
              assertThat(i.getString("name")).isEqualTo("expires_at");
              assertThat(((Number) i.get("expireAfterSeconds")).longValue()).isZero();
            });
  }

  @Test
  void closingSetsTheStatusAndPushesTheExpiry() {
    join(log.opened(connection("s1")));
    Instant end = T0.plus(Duration.ofHours(2));
    join(log.closed(ConnectionId.of("s1"), end));

    Document d = stored("s1");
    assertThat(d.getString("status")).isEqualTo("disconnected");
    assertThat(d.get("disconnected_at")).isEqualTo(Date.from(end));
    assertThat(d.get("expires_at")).isEqualTo(Date.from(end.plus(RETENTION)));
  }

  @Test
  void aMalformedDocumentIsSkipped() {
    join(log.opened(connection("good")));
    insertRaw(
        new Document("_id", "bad")
            .append("user_id", "alice")
            .append("connected_at", Date.from(T0.plusSeconds(1)))); // no node, transport, ...
    insertRaw(
        connectionDocument("bad-bandwidth", T0.plusSeconds(2))
            .append(
                "network_info",
                new Document("bandwidth", "5g")
                    .append("latency_ms", 1L)
                    .append("packet_loss", 0.0)));

    assertThat(join(log.find(ConnectionId.of("bad")))).isEmpty();
    assertThat(join(log.find(ConnectionId.of("bad-bandwidth")))).isEmpty();
    List<String> listed =
        join(log.ofUser(UserId.of("alice"), 10)).stream()
            .map(e -> e.connection().id().value())
            .toList();
    assertThat(listed).containsExactly("good");
  }

  private static Document connectionDocument(String id, Instant at) {
    return new Document("_id", id)
        .append("user_id", "alice")
        .append("node_id", "n")
        .append("transport", "polling")
        .append("client_address", "127.0.0.1")
        .append("connected_at", Date.from(at))
        .append("last_activity", Date.from(at))
        .append("channels", List.of());
  }
}
