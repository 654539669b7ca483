package bd.com.getit.realtime.app.e2e;

import static bd.com.getit.realtime.app.e2e.ClusterApi.publishPrice;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A signed-in raw client whose node is killed ({@code halt}: it saves and unregisters nothing)
 * after it joined a product channel and received its first price: what it needs to recover (its
 * token, socket id, pid and last offset) and how it does so on another node.
 */
record CrashedSession(String token, String sid, String pid, String offset, String channel) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Connects {@code user} to {@code doomed}, joins {@code channel}, receives price 0 (published
   * through {@code publisher}), then kills {@code doomed}.
   */
  static CrashedSession crash(TestServer doomed, TestServer publisher, String user, String channel)
      throws Exception {
    String token = TestServer.token(user);
    try (RawClient first = RawClient.open(doomed.port())) {
      JsonNode reply = connect(first, "{\"token\":\"" + token + "\"}");
      first.send("42/realtime,1[\"join_channel\",{\"channels\":[\"" + channel + "\"]}]");
      assertThat(first.next("43/realtime,1")).contains("\"joined\":[\"" + channel + "\"]");
      publishPrice(publisher, channel, 0);
      String offset = priceEvent(first).get(2).asText();
      doomed.server.halt();
      return new CrashedSession(
          token, reply.get("sid").asText(), reply.get("pid").asText(), offset, channel);
    }
  }

  /**
   * Reconnects to {@code node} with the pid and offset, checks that the session is recovered (same
   * socket id and pid) and that exactly the prices {@code missed} arrive, in order, then the next
   * one published and nothing twice.
   */
  void recoversOn(TestServer node, int... missed) throws Exception {
    try (RawClient second = RawClient.open(node.port())) {
      JsonNode reply =
          connect(
              second,
              "{\"token\":\""
                  + token
                  + "\",\"pid\":\""
                  + pid
                  + "\",\"offset\":\""
                  + offset
                  + "\"}");
      assertThat(reply.get("sid").asText()).as("recovered: same socket id").isEqualTo(sid);
      assertThat(reply.get("pid").asText()).isEqualTo(pid);
      List<Integer> got = new ArrayList<>();
      List<Integer> expected = new ArrayList<>();
      for (int n : missed) {
        got.add(priceEvent(second).get(1).get("data").get("n").asInt());
        expected.add(n);
      }
      assertThat(got).isEqualTo(expected);
      // Nothing is delivered twice: the next event is the next one published.
      publishPrice(node, channel, 1_000);
      assertThat(priceEvent(second).get(1).get("data").get("n").asInt()).isEqualTo(1_000);
    }
  }

  static JsonNode connect(RawClient c, String auth) throws Exception {
    assertThat(c.next()).startsWith("0{");
    c.send("40/realtime," + auth);
    String reply = c.next("40/realtime,");
    return JSON.readTree(reply.substring("40/realtime,".length()));
  }

  static JsonNode priceEvent(RawClient c) throws Exception {
    String frame = c.next("42/realtime,[\"product_price_change\"");
    return JSON.readTree(frame.substring("42/realtime,".length()));
  }
}
