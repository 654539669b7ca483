package bd.com.getit.realtime.app.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer without sticky sessions, for tests: each connection goes to the next node in
 * turn. A plain HTTP request is sent with {@code Connection: close}, so the node closes after its
 * answer and the client opens a new connection, to the next node, for its next request; a websocket
 * upgrade is passed through untouched and piped both ways for its lifetime.
 */
final class RoundRobinProxy implements AutoCloseable {
  private final ServerSocket server;
  private final List<Integer> ports;
  private final AtomicInteger next = new AtomicInteger();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> daemon(r));

  RoundRobinProxy(List<Integer> nodePorts) throws IOException {
    this.ports = List.copyOf(nodePorts);
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
        threads.execute(() -> serve(client, port));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client, int port) {
    try (client;
        Socket node = new Socket(InetAddress.getLoopbackAddress(), port)) {
      InputStream fromClient = client.getInputStream();
      byte[] head = readHead(fromClient);
      if (head == null) {
        return;
      }
      String text = new String(head, StandardCharsets.ISO_8859_1);
      boolean upgrade = text.toLowerCase(Locale.ROOT).contains("\r\nupgrade: websocket");
      OutputStream toNode = node.getOutputStream();
      toNode.write(upgrade ? head : closeAfter(text).getBytes(StandardCharsets.ISO_8859_1));
      toNode.flush();
      threads.execute(() -> pipe(fromClient, toNode, node));
      pipe(node.getInputStream(), client.getOutputStream(), client);
    } catch (IOException e) {
      // a node that is gone: the client sees its connection closed
    }
  }

  private static String closeAfter(String head) {
    StringBuilder out = new StringBuilder();
    for (String line : head.split("\r\n")) {
      if (!line.isEmpty() && !line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
        out.append(line).append("\r\n");
      }
    }
    return out.append("Connection: close\r\n\r\n").toString();
  }

  /** The request head through its blank line, or null when the client closed first. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched =
          (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
    }
    return head.toByteArray();
  }

  private static void pipe(InputStream in, OutputStream out, Socket closeWhenDone) {
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // either side went away
    } finally {
      try {
        closeWhenDone.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "round-robin-proxy");
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
