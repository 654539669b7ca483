package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.adapter.mongo.MongoOptions;
import bd.com.getit.realtime.adapter.mongo.MongoStores;
import bd.com.getit.realtime.app.ConfigException;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventRecord;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.ConnectionEntry;
import bd.com.getit.realtime.domain.presence.Presence;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import bd.com.getit.realtime.testsupport.EmbeddedMongo;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server with its records in MongoDB (mongo-java-server in this JVM, one database per test):
 * history outlives the server process, offline notifications wait and arrive, delivery totals add
 * up.
 */
class MongoPersistenceIT {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedMongo mongo;
  private static String uri;

  @BeforeAll
  static void startMongo() {
    mongo = EmbeddedMongo.start();
    uri = mongo.connectionString();
  }

  @AfterAll
  static void stopMongo() {
    mongo.close();
  }

  private static Map<String, String> env(String database) {
    return Map.of("REALTIME_MONGO_URI", uri, "REALTIME_MONGO_DATABASE", database);
  }

  private static String newDatabase() {
    return "e2e_" + DATABASES.incrementAndGet();
  }

  private static JSONObject json(String text) {
    try {
      return new JSONObject(text);
    } catch (org.json.JSONException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static String dataId(JSONObject envelope) {
    try {
      return envelope.getJSONObject("data").getString("id");
    } catch (org.json.JSONException e) {
      throw new AssertionError("no data.id in " + envelope, e);
    }
  }

  @Test
  void chatHistorySurvivesARestartOfTheServer() throws Exception {
    String db = newDatabase();
    String room;
    String sentId;
    try (TestServer first = TestServer.start(env(db))) {
      room = new RecordsApi(first).createRoom("alice", "bob");
      try (Client alice = Client.connect(first, TestServer.token("alice"), Client.WEBSOCKET)) {
        JSONObject joined =
            alice.call("join_channel", json("{\"channels\":[\"chat:" + room + "\"]}"));
        assertThat(joined.getJSONArray("joined").toString()).isEqualTo("[\"chat:" + room + "\"]");
        JSONObject sent =
            alice.call(
                "send_message",
                json(
                    "{\"channel\":\"chat:"
                        + room
                        + "\",\"message\":\"kept across restarts\",\"type\":\"text\"}"));
        assertThat(sent.getBoolean("ok")).isTrue();
        sentId = sent.getString("id");
      }
    }

    try (TestServer second = TestServer.start(env(db));
        Client bob = Client.connect(second, TestServer.token("bob"), Client.WEBSOCKET)) {
      assertThat(new RecordsApi(second).history("bob", room))
          .containsExactly("kept across restarts");
      // The room itself came back too: its participant may join its channel and reply.
      JSONObject joined = bob.call("join_channel", json("{\"channels\":[\"chat:" + room + "\"]}"));
      assertThat(joined.getJSONArray("joined").toString()).isEqualTo("[\"chat:" + room + "\"]");
      JSONObject reply =
          bob.call(
              "send_message",
              json(
                  "{\"channel\":\"chat:" + room + "\",\"message\":\"seen it\",\"type\":\"text\"}"));
      assertThat(reply.getBoolean("ok")).isTrue();
      assertThat(reply.getString("id")).isNotEqualTo(sentId);
      assertThat(new RecordsApi(second).history("alice", room))
          .containsExactly("seen it", "kept across restarts");
    }
  }

  @Test
  void notificationsSentWhileTheUserWasOfflineAreListedAndDelivered() throws Exception {
    try (TestServer server = TestServer.start(env(newDatabase()))) {
      RecordsApi api = new RecordsApi(server);
      String first = api.sendNotification("carol", "Your order has shipped");
      String second = api.sendNotification("carol", "Your order is out for delivery");

      assertThat(api.notifications("carol")).containsExactly(second + " sent", first + " sent");

      try (Client carol = Client.connect(server, TestServer.token("carol"), Client.WEBSOCKET)) {
        JSONObject one = carol.awaitObject("notification");
        JSONObject two = carol.awaitObject("notification");
        assertThat(java.util.List.of(one, two))
            .extracting(MongoPersistenceIT::dataId)
            .containsExactlyInAnyOrder(first, second);
        assertThat(one.getJSONObject("data").getString("title_bn"))
            .isEqualTo("অর্ডার পাঠানো হয়েছে");
        assertThat(carol.awaitObject("offline_sync").getInt("delivered")).isEqualTo(2);

        assertThat(
                carol
                    .call("notification_read", json("{\"id\":\"" + first + "\"}"))
                    .getBoolean("ok"))
            .isTrue();
      }
      assertThat(api.notifications("carol")).contains(first + " read");
    }
  }

  @Test
  void deliveryTotalsOfAnEventCountEverySocketItReached() throws Exception {
    String db = newDatabase();
    try (TestServer server = TestServer.start(env(db));
        MongoStores records = MongoStores.open(MongoOptions.of(uri, db));
        Client a = Client.connect(server, TestServer.token("u-a"), Client.WEBSOCKET);
        Client b = Client.connect(server, TestServer.token("u-b"), Client.WEBSOCKET);
        Client c = Client.connect(server, TestServer.token("u-c"), Client.POLLING)) {
      for (Client client : new Client[] {a, b, c}) {
        client.call("join_channel", json("{\"channels\":[\"product:p1\"]}"));
      }

      new RecordsApi(server).publishPersisted("price-p1-1", "product:p1");

      for (Client client : new Client[] {a, b, c}) {
        assertThat(
                client
                    .awaitObject("product_price_change")
                    .getJSONObject("data")
                    .getInt("new_price"))
            .isEqualTo(990);
      }
      await()
          .atMost(10, TimeUnit.SECONDS)
          .untilAsserted(
              () -> {
                Optional<EventRecord> stored =
                    records
                        .eventLog()
                        .find(EventId.of("price-p1-1"))
                        .toCompletableFuture()
                        .get(5, TimeUnit.SECONDS);
                assertThat(stored).isPresent();
                assertThat(stored.get().delivered()).isEqualTo(3);
                assertThat(stored.get().failed()).isZero();
              });
    }
  }

  @Test
  void connectionsAreLoggedAndLastSeenSurvivesARestartWithTheClusterStateInMemory()
      throws Exception {
    String db = newDatabase();
    UserId dave = UserId.of("dave");
    try (MongoStores records = MongoStores.open(MongoOptions.of(uri, db))) {
      Presence archived;
      try (TestServer first = TestServer.start(env(db))) {
        try (Client client = Client.connect(first, TestServer.token("dave"), Client.WEBSOCKET)) {
          client.call("join_channel", json("{\"channels\":[\"product:p7\"]}"));
          client.call(
              "network_info",
              json("{\"bandwidth\":\"3g\",\"latency_ms\":300,\"packet_loss\":0.01}"));
        }
        // The disconnect reaches the server, and both records, after the client has gone.
        archived =
            await()
                .atMost(10, TimeUnit.SECONDS)
                .until(
                    () -> records.presenceArchive().find(dave).toCompletableFuture().get(),
                    p -> p.isPresent() && p.get().status() == PresenceStatus.OFFLINE)
                .orElseThrow();
        List<ConnectionEntry> logged =
            await()
                .atMost(10, TimeUnit.SECONDS)
                .until(
                    () -> records.connectionLog().ofUser(dave, 10).toCompletableFuture().get(),
                    l -> l.size() == 1 && !l.get(0).connected());
        ConnectionEntry entry = logged.get(0);
        assertThat(entry.connection().transport()).isEqualTo("websocket");
        assertThat(entry.connection().clientAddress()).isEqualTo("127.0.0.1");
        assertThat(entry.connection().channels())
            .contains(ChannelName.parse("user:dave"), ChannelName.parse("product:p7"));
        assertThat(entry.quality())
            .hasValueSatisfying(q -> assertThat(q.latencyMs()).isEqualTo(300));
      }

      Instant lastSeen = archived.lastSeen().orElseThrow();
      try (TestServer second = TestServer.start(env(db))) {
        HttpTestClient.Reply reply =
            second.rest().get("/presence/dave", TestServer.token("svc", "service"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(Json.read(() -> Json.object(reply).getString("status"))).isEqualTo("offline");
        assertThat(Instant.parse(Json.read(() -> Json.object(reply).getString("last_seen"))))
            .isEqualTo(lastSeen);
      }
    }
  }

  @Test
  void aMalformedUriStopsTheStartNamingTheVariable() {
    assertThatThrownBy(() -> TestServer.start(Map.of("REALTIME_MONGO_URI", "http://not-mongo")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REALTIME_MONGO_URI:");
  }

  @Test
  void anUnreachableMongoStopsTheStartWithOneClearLine() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String unreachable = "mongodb://127.0.0.1:" + closedPort + "/?serverSelectionTimeoutMS=300";

    assertThatThrownBy(() -> TestServer.start(Map.of("REALTIME_MONGO_URI", unreachable)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("MongoDB (REALTIME_MONGO_URI) unusable");
  }

  @Test
  void readinessFollowsMongo() throws Exception {
    EmbeddedMongo own = EmbeddedMongo.start();
    // A short heartbeat so that the driver notices the loss within the test's patience.
    String ownUri = own.connectionString() + "/?heartbeatFrequencyMS=200";
    try (TestServer server = TestServer.start(Map.of("REALTIME_MONGO_URI", ownUri))) {
      await()
          .atMost(10, TimeUnit.SECONDS)
          .untilAsserted(() -> assertThat(ready(server).body()).contains("\"mongo\":\"UP\""));

      own.close();

      await()
          .atMost(10, TimeUnit.SECONDS)
          .untilAsserted(
              () -> {
                HttpTestClient.Reply ready = ready(server);
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.body()).contains("\"mongo\":\"DOWN\"");
              });
    } finally {
      own.close();
    }
  }

  private static HttpTestClient.Reply ready(TestServer server) {
    return new HttpTestClient(server.url()).get("/health/ready", null);
  }
}
