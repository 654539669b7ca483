package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Not a timing test: 1,000 sockets join one channel, five events are broadcast, and every socket
 * must receive every event, in order.
 */
class LoadSmokeIT {
  static final int SOCKETS = 1_000;
  static final int EVENTS = 5;

  @Test
  void everySocketReceivesEveryBroadcast() throws Exception {
    try (TestServer server = TestServer.start()) {
      List<RawClient> clients = new ArrayList<>();
      try {
        for (int i = 0; i < SOCKETS; i++) {
          RawClient c = RawClient.open(server.port());
          clients.add(c);
          c.next("0{");
          c.send("40/realtime,{}");
        }
        for (RawClient c : clients) {
          c.next("40/realtime,");
          c.send("42/realtime,1[\"join_channel\",{\"channels\":[\"product:load\"]}]");
        }
        for (RawClient c : clients) {
          assertThat(c.next("43/realtime,1")).contains("\"joined\":[\"product:load\"]");
        }
        for (int n = 0; n < EVENTS; n++) {
          server.publish("product:load", n);
        }
        Set<Integer> incomplete = new HashSet<>();
        for (int i = 0; i < clients.size(); i++) {
          for (int n = 0; n < EVENTS; n++) {
            String frame = clients.get(i).next("42/realtime,[\"product_price_change\"");
            if (!frame.contains("\"n\":" + n + "}")) {
              incomplete.add(i);
            }
          }
        }
        assertThat(incomplete).as("sockets that missed or reordered an event").isEmpty();
      } finally {
        clients.forEach(RawClient::close);
      }
    }
  }
}
