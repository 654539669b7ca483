package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/** The official Java Socket.IO client, with every received event recorded for assertions. */
final class Client implements AutoCloseable {
  static final String[] WEBSOCKET = {"websocket"};
  static final String[] POLLING = {"polling"};
  static final String[] BOTH = {"polling", "websocket"};

  final Socket socket;
  private final Map<String, BlockingQueue<Object[]>> events = new ConcurrentHashMap<>();
  private final java.util.Set<String> listened = ConcurrentHashMap.newKeySet();

  Client(String url, String namespace, String token, String[] transports) {
    Map<String, String> auth = new HashMap<>();
    if (token != null) {
      auth.put("token", token);
    }
    IO.Options options =
        IO.Options.builder()
            .setForceNew(true)
            .setReconnection(false)
            .setTransports(transports)
            .setAuth(auth)
            .build();
    socket = IO.socket(URI.create(url + namespace), options);
    for (String name :
        new String[] {
          Socket.EVENT_CONNECT,
          Socket.EVENT_CONNECT_ERROR,
          Socket.EVENT_DISCONNECT,
          "authenticated",
          "offline_sync",
          "message",
          "error",
          "typing",
          "read_receipt",
          "presence_update",
          "notification",
          // pushed during activation (an offline notification delivered): recorded from the start
          "notification_status",
          "product_price_change",
          "system_announcement"
        }) {
      listen(name);
    }
  }

  static Client connect(TestServer server, String token, String[] transports) {
    return connect(server.url(), token, transports);
  }

  /** Connects to whatever listens at {@code url}: a node, or a load balancer in front of nodes. */
  static Client connect(String url, String token, String[] transports) {
    Client c = new Client(url, "/realtime", token, transports);
    c.socket.connect();
    c.await("authenticated");
    return c;
  }

  BlockingQueue<Object[]> queue(String event) {
    return events.computeIfAbsent(event, k -> new LinkedBlockingQueue<>());
  }

  /**
   * Also record {@code event}, for events not in the default list; register it before the event can
   * come (an event with no listener is dropped by the client). Once per event.
   */
  Client listen(String event) {
    if (listened.add(event)) {
      socket.on(event, args -> queue(event).add(args));
    }
    return this;
  }

  Object[] await(String event) {
    try {
      Object[] args = queue(event).poll(10, TimeUnit.SECONDS);
      assertThat(args).as("event %s within 10 s", event).isNotNull();
      return args;
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  JSONObject awaitObject(String event) {
    return (JSONObject) await(event)[0];
  }

  /** Whether {@code event} arrives within {@code millis}; for asserting that something does not. */
  boolean receives(String event, long millis) {
    try {
      return queue(event).poll(millis, TimeUnit.MILLISECONDS) != null;
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  JSONObject call(String event, JSONObject payload) {
    CompletableFuture<Object[]> ack = new CompletableFuture<>();
    socket.emit(event, new Object[] {payload}, (Ack) ack::complete);
    try {
      return (JSONObject) ack.get(10, TimeUnit.SECONDS)[0];
    } catch (Exception e) {
      throw new IllegalStateException("no ack for " + event, e);
    }
  }

  /** The engine's current transport name, read from the client's internals (test only). */
  String transport() {
    try {
      java.lang.reflect.Field engineField =
          io.socket.client.Manager.class.getDeclaredField("engine");
      engineField.setAccessible(true);
      Object engine = engineField.get(socket.io());
      java.lang.reflect.Field transportField =
          io.socket.engineio.client.Socket.class.getDeclaredField("transport");
      transportField.setAccessible(true);
      return ((io.socket.engineio.client.Transport) transportField.get(engine)).name;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    socket.disconnect();
    socket.close();
  }
}
