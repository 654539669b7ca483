package bd.com.getit.realtime.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EmbeddedMongoIT {

  private static int port(EmbeddedMongo mongo) {
    return URI.create(mongo.connectionString()).getPort();
  }

  @Test
  void aPrivateServerListensOnLoopbackUntilClosed() throws Exception {
    EmbeddedMongo mongo = EmbeddedMongo.start();
    assertThat(mongo.connectionString()).startsWith("mongodb://127.0.0.1:");
    try (Socket socket = new Socket("127.0.0.1", port(mongo))) {
      assertThat(socket.isConnected()).isTrue();
    }

    mongo.close();

    assertThatThrownBy(() -> new Socket("127.0.0.1", port(mongo)).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void theSharedServerIsOneAndCannotBeClosed() {
    assertThat(EmbeddedMongo.shared()).isSameAs(EmbeddedMongo.shared());
    assertThat(EmbeddedMongo.shared().connectionString())
        .isNotEqualTo(EmbeddedMongo.start().connectionString());
    assertThatThrownBy(() -> EmbeddedMongo.shared().close())
        .isInstanceOf(IllegalStateException.class);
  }
}
