package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * {@link ClusterChatScenario} on Redis alone, no MongoDB (PROTOCOL 10.5): rooms, history, read
 * marks, notifications and the event log live in Redis, so every node sees the same ones; history
 * is bounded per room.
 */
class RedisOnlyClusterChatIT extends ClusterChatScenario {
  private static final int HISTORY_MAX = 5;

  @Override
  Map<String, String> startStores() {
    return Map.of("REALTIME_REDIS_CHAT_HISTORY_MAX", Integer.toString(HISTORY_MAX));
  }

  @Override
  void stopStores() {
    // Nothing but Redis.
  }

  @Test
  void aRoomKeepsItsNewestMessagesUpToTheConfiguredCapOnEveryNode() throws Exception {
    String room = new RecordsApi(node2).createRoom("farhan", "gazi");
    try (Client farhan = Client.connect(node2, TestServer.token("farhan"), Client.WEBSOCKET)) {
      joinChannel(farhan, "chat:" + room);
      for (int i = 1; i <= HISTORY_MAX + 2; i++) {
        send(farhan, "chat:" + room, "message " + i);
      }
    }

    List<String> newest = List.of("message 7", "message 6", "message 5", "message 4", "message 3");
    for (TestServer node : List.of(node1, node2, node3)) {
      assertThat(new RecordsApi(node).history("gazi", room)).isEqualTo(newest);
    }
  }

  @Test
  void aPersistedEventsDeliveriesOnEveryNodeAddUpInOneRecord() throws Exception {
    try (Client at2 = Client.connect(node2, TestServer.token("hasan"), Client.WEBSOCKET);
        Client at3 = Client.connect(node3, TestServer.token("ishita"), Client.WEBSOCKET)) {
      joinChannel(at2, "product:p-77");
      joinChannel(at3, "product:p-77");

      new RecordsApi(node1).publishPersisted("evt-77", "product:p-77");
      at2.await("product_price_change");
      at3.await("product_price_change");

      // No interface reads the event log; an operator would, with redis-cli.
      try (Jedis jedis = new Jedis(URI.create(redis.url()))) {
        await()
            .atMost(Duration.ofSeconds(5))
            .untilAsserted(
                () ->
                    assertThat(jedis.hmget(keyPrefix() + "EVENT:evt-77", "delivered", "failed"))
                        .containsExactly("2", "0"));
      }
    }
  }
}
