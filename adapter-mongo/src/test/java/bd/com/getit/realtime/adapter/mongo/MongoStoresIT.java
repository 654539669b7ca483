package bd.com.getit.realtime.adapter.mongo;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.testsupport.EmbeddedMongo;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MongoStoresIT {

  @Test
  void isConnectedOnceTheDriverSeesTheServer() {
    try (MongoStores stores =
        MongoStores.open(MongoOptions.of(EmbeddedMongo.shared().connectionString(), "stores_it"))) {
      join(stores.createIndexes());

      await().atMost(5, TimeUnit.SECONDS).until(stores::connected);
    }
  }

  @Test
  void anUnreachableServerFailsRequestsWithAPlainException() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String uri = "mongodb://127.0.0.1:" + closedPort + "/?serverSelectionTimeoutMS=300";
    try (MongoStores stores = MongoStores.open(MongoOptions.of(uri, "nowhere"))) {
      assertThat(stores.connected()).isFalse();
      assertThatThrownBy(() -> join(stores.chatRepository().findRoom(RoomId.of("r1"))))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("MongoDB finding room r1 failed");
      assertThatThrownBy(() -> join(stores.createIndexes()))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessageContaining("creating the indexes");
    }
  }

  @Test
  void aMalformedConnectionStringIsRefusedAtOnce() {
    assertThatThrownBy(() -> MongoStores.open(MongoOptions.of("http://db", "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
