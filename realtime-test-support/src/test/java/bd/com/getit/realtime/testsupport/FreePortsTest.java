package bd.com.getit.realtime.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void aPickedPortCanBeBoundOnLoopback() throws Exception {
    int port = FreePorts.pick();
    assertThat(port).isBetween(1, 65_535);
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }
}
