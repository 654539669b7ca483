package bd.com.getit.realtime.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.domain.UserId;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded order service end to end: the official Socket.IO Java client connects to its gateway
 * and receives what the service publishes in-process.
 */
class OrderServiceAppIT {
  private static final UserId CUSTOMER = UserId.of("u1");

  @TempDir Path dir;
  private Path journal;
  private OrderServiceApp app;
  private Socket socket;

  @BeforeEach
  void startTheService() throws Exception {
    journal = dir.resolve("orders.jsonl");
    app = OrderServiceApp.start("127.0.0.1", 0, journal);
  }

  @AfterEach
  void stopTheService() throws Exception {
    if (socket != null) {
      socket.close();
    }
    if (app != null) {
      app.close();
    }
  }

  /** Records every {@code event} the socket receives. */
  private BlockingQueue<Object[]> receive(String event) {
    BlockingQueue<Object[]> received = new LinkedBlockingQueue<>();
    socket.on(event, received::add);
    return received;
  }

  private Socket socketFor(String token) {
    IO.Options options =
        IO.Options.builder()
            .setForceNew(true)
            .setReconnection(false)
            .setTransports(new String[] {"websocket"})
            .setAuth(Map.of("token", token))
            .build();
    return IO.socket(URI.create("http://127.0.0.1:" + app.port() + "/realtime"), options);
  }

  private static Object[] next(BlockingQueue<Object[]> received) throws InterruptedException {
    Object[] args = received.poll(10, TimeUnit.SECONDS);
    assertThat(args).as("an event within 10 s").isNotNull();
    return args;
  }

  @Test
  void aCustomerReceivesTheOrderUpdateTheServicePublishesInProcess() throws Exception {
    socket = socketFor(app.signIn(CUSTOMER));
    BlockingQueue<Object[]> authenticated = receive("authenticated");
    BlockingQueue<Object[]> updates = receive("order_status_update");
    socket.connect();
    next(authenticated);

    app.orders().changeStatus("o77", CUSTOMER, "shipped").toCompletableFuture().join();

    JSONObject envelope = (JSONObject) next(updates)[0];
    assertThat(envelope.getString("event")).isEqualTo("order_status_update");
    assertThat(envelope.getString("id")).isEqualTo("order-o77-shipped");
    JSONObject data = envelope.getJSONObject("data");
    assertThat(data.getString("order_id")).isEqualTo("o77");
    assertThat(data.getString("status")).isEqualTo("shipped");
    // the service's own event log journalled it
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(Files.readString(journal, StandardCharsets.UTF_8))
                    .contains("\"recorded\":{\"id\":\"order-o77-shipped\""));
  }

  @Test
  void anUpdateForAnOfflineCustomerArrivesWhenTheyConnect() throws Exception {
    app.orders().changeStatus("o78", CUSTOMER, "packed").toCompletableFuture().join();

    socket = socketFor(app.signIn(CUSTOMER));
    BlockingQueue<Object[]> updates = receive("order_status_update");
    BlockingQueue<Object[]> synced = receive("offline_sync");
    socket.connect();

    assertThat(((JSONObject) next(updates)[0]).getJSONObject("data").getString("status"))
        .isEqualTo("packed");
    next(synced);
  }

  @Test
  void anUnknownTokenIsRefused() throws Exception {
    socket = socketFor("not-a-session");
    BlockingQueue<Object[]> refused = receive(Socket.EVENT_CONNECT_ERROR);
    socket.connect();

    assertThat(next(refused)[0].toString()).contains("AUTH_INVALID");
  }

  @Test
  void closingStopsTheMaintenanceAndEveryThreadTheServiceStarted() throws Exception {
    assertThat(threadsNamed("realtime-maintenance-orders-1")).isEqualTo(1);

    app.close();
    app = null;

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(threadsNamed("realtime-maintenance-")).isZero();
              assertThat(threadsNamed("order-journal")).isZero();
              assertThat(threadsNamed("orders-connection-timers")).isZero();
              assertThat(threadsNamed("socket.io-worker-")).isZero();
              assertThat(threadsNamed("engine.io-writer-")).isZero();
            });
  }

  @Test
  void refusesAPortOutOfRange() {
    assertThatThrownBy(() -> OrderServiceApp.start("127.0.0.1", 70_000, journal))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port");
  }

  private static long threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
        .count();
  }
}
