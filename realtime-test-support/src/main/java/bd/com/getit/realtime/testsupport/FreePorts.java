package bd.com.getit.realtime.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports nobody listens on, for servers that must be told their port before they start. */
public final class FreePorts {
  private FreePorts() {}

  /**
   * A port that was free on 127.0.0.1 a moment ago. Another process may take it before the caller
   * binds it; servers that can bind port 0 themselves should do that instead.
   */
  public static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
