package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.HashMap;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chat across nodes: two nodes share Redis (cluster state and bus) and MongoDB (rooms and history),
 * so a room created through one node is the same room on the other, messages cross both ways live,
 * and the history read on either node holds both sides.
 */
class ClusterChatIT {
  private static EmbeddedRedis redis;
  private static MongoServer mongo;
  private static TestServer node1;
  private static TestServer node2;

  @BeforeAll
  static void start() throws Exception {
    redis = EmbeddedRedis.launch();
    mongo = new MongoServer(new MemoryBackend());
    mongo.bind("127.0.0.1", 0);
    node1 = node("chat-node-1");
    node2 = node("chat-node-2");
  }

  @AfterAll
  static void stop() throws Exception {
    for (TestServer node : new TestServer[] {node1, node2}) {
      if (node != null) {
        node.close();
      }
    }
    if (mongo != null) {
      mongo.shutdownNow();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private static TestServer node(String id) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("REALTIME_NODE_ID", id);
    env.put("REALTIME_REDIS_URL", redis.url());
    env.put("REALTIME_REDIS_KEY_PREFIX", "chat-it:");
    env.put("REALTIME_MONGO_URI", mongo.getConnectionString());
    env.put("REALTIME_MONGO_DATABASE", "cluster_chat");
    return TestServer.start(env);
  }

  private static JSONObject send(Client c, String channel, String text) throws Exception {
    JSONObject ack =
        c.call(
            "send_message",
            new JSONObject().put("channel", channel).put("message", text).put("type", "text"));
    assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
    return ack;
  }

  @Test
  void aChatBetweenUsersOnTwoNodesGoesBothWaysWithHistory() throws Exception {
    String room = new RecordsApi(node1).createRoom("rahim", "karim");
    String channel = "chat:" + room;
    try (Client rahim = Client.connect(node1, TestServer.token("rahim"), Client.WEBSOCKET);
        Client karim = Client.connect(node2, TestServer.token("karim"), Client.POLLING)) {
      for (Client c : new Client[] {rahim, karim}) {
        JSONObject ack =
            c.call("join_channel", new JSONObject().put("channels", new JSONArray().put(channel)));
        assertThat(ack.getJSONArray("joined").toString()).as(ack.toString()).contains(channel);
      }

      send(rahim, channel, "আসসালামু আলাইকুম, from node 1");
      JSONObject atKarim = karim.awaitObject("message");
      assertThat(atKarim.getString("sender_id")).isEqualTo("rahim");
      assertThat(atKarim.getString("message")).isEqualTo("আসসালামু আলাইকুম, from node 1");
      assertThat(atKarim.getString("room_id")).isEqualTo(room);

      send(karim, channel, "ওয়ালাইকুম আসসালাম, from node 2");
      JSONObject atRahim = rahim.awaitObject("message");
      assertThat(atRahim.getString("sender_id")).isEqualTo("karim");

      assertThat(rahim.receives("message", 300)).as("no echo to the sender").isFalse();
      assertThat(karim.receives("message", 300)).as("no echo to the sender").isFalse();
    }
    assertThat(new RecordsApi(node2).history("rahim", room))
        .containsExactly("ওয়ালাইকুম আসসালাম, from node 2", "আসসালামু আলাইকুম, from node 1");
    assertThat(new RecordsApi(node1).history("karim", room))
        .isEqualTo(new RecordsApi(node2).history("rahim", room));
  }
}
