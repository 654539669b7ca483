package bd.com.getit.realtime.examples.orders;

import bd.com.getit.realtime.adapter.memory.MemoryAdapters;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineOptions;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineServer;
import bd.com.getit.realtime.adapter.websocket.engineio.TimerWheel;
import bd.com.getit.realtime.adapter.websocket.gateway.GatewayUseCases;
import bd.com.getit.realtime.adapter.websocket.gateway.RealtimeNamespace;
import bd.com.getit.realtime.adapter.websocket.gateway.SocketIoDelivery;
import bd.com.getit.realtime.adapter.websocket.socketio.ClientWorkers;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoOptions;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoServer;
import bd.com.getit.realtime.core.assembly.ClusterPorts;
import bd.com.getit.realtime.core.assembly.CoreConfig;
import bd.com.getit.realtime.core.assembly.OutboundPorts;
import bd.com.getit.realtime.core.assembly.RealtimeCore;
import bd.com.getit.realtime.core.assembly.RecordStores;
import bd.com.getit.realtime.core.assembly.StateStores;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.out.Clock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.http.server.HttpServer;

/**
 * An order service that embeds realtime: the core on the memory adapters and the service's own
 * {@link JournalEventLog}, its {@link OrderService} publishing in-process, and the Socket.IO
 * gateway on a port of its own, for its customers' browsers and apps. No framework: {@link #start},
 * {@link #close}, and a {@link #main} that runs until the process is stopped.
 */
public final class OrderServiceApp implements AutoCloseable {
  /** How long {@link #close()} gives connected clients to receive what is queued for them. */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

  private final MemoryAdapters memory;
  private final JournalEventLog journal;
  private final SessionTokens tokens;
  private final RealtimeCore core;
  private final TimerWheel connectionTimers;
  private final ClientWorkers workers;
  private final EngineServer engine;
  private final HttpServer http;
  private final OrderService orders;

  private OrderServiceApp(String host, int port, Path journalFile) throws IOException {
    // 1. The driven ports: the memory adapters, and an event log of the service's own.
    memory = MemoryAdapters.create(Clock.system());
    journal = JournalEventLog.open(journalFile);
    tokens = new SessionTokens();
    SocketIoDelivery delivery = new SocketIoDelivery(); // the gateway's side of LocalDelivery

    // 2. The core, from the grouped ports; start() also starts its maintenance.
    core =
        RealtimeCore.builder()
            .config(CoreConfig.builder().nodeId(NodeId.of("orders-1")).build())
            .stores(
                new StateStores(
                    memory.connectionRegistry(),
                    memory.presenceStore(),
                    memory.rateLimitStore(),
                    memory.offlineQueue(),
                    memory.recoveryStore(),
                    memory.deduplicationStore(),
                    memory.spamLedger()))
            .records(
                RecordStores.of(memory.chatRepository(), memory.notificationRepository(), journal))
            .cluster(ClusterPorts.single(memory.clusterBus()))
            .outbound(OutboundPorts.local(delivery))
            .tokenVerifier(tokens)
            .build();
    core.start();

    // 3. The service's own logic publishes through the core's use case, in-process.
    orders = new OrderService(core.ingest());

    // 4. The Socket.IO gateway (namespace /realtime) on Grizzly, driving the core's use cases.
    connectionTimers = TimerWheel.standard("orders-connection-timers");
    workers = ClientWorkers.defaults();
    RealtimeNamespace namespace =
        new RealtimeNamespace(
            new GatewayUseCases(
                core.connections(),
                core.channels(),
                core.messaging(),
                core.presence(),
                core.chat(),
                core.notifications(),
                core.auctions()),
            delivery);
    SocketIoServer socketIo =
        new SocketIoServer(
            SocketIoOptions.builder().recoveryEnabled(true).build(),
            Map.of(RealtimeNamespace.NAME, namespace),
            connectionTimers,
            workers);
    engine = new EngineServer(EngineOptions.builder().build(), socketIo, connectionTimers);
    http = engine.startStandalone(host, port);
  }

  /**
   * Starts the service: the gateway listens on {@code host:port} (0 picks a free port, {@link
   * #port()} tells which), order events are journalled to {@code journal}.
   */
  public static OrderServiceApp start(String host, int port, Path journal) throws IOException {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(journal, "journal");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535: " + port);
    }
    return new OrderServiceApp(host, port, journal);
  }

  /** The port the gateway listens on. */
  public int port() {
    return http.getListeners().iterator().next().getPort();
  }

  /** Where the service's own code publishes order updates. */
  public OrderService orders() {
    return orders;
  }

  /** A Socket.IO connection token for a signed-in customer. */
  public String signIn(UserId customer) {
    return tokens.issue(customer);
  }

  /**
   * Stops in reverse order of starting: clients are told to reconnect and their queues drained, the
   * gateway stops, then the core (its maintenance too), the journal and the memory adapters.
   */
  @Override
  public void close() throws IOException {
    engine.shutdown(SHUTDOWN_GRACE);
    http.shutdownNow();
    workers.close();
    connectionTimers.shutdownNow();
    core.close();
    journal.close();
    memory.close();
  }

  /**
   * Runs the service until the process is stopped. Arguments: the port (default 41200) and the
   * journal file (default {@code orders-journal.jsonl}). Prints a token for customer {@code u1};
   * each line {@code <order> <customer> <status>} on the standard input publishes an update.
   */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 41200;
    Path journal = Path.of(args.length > 1 ? args[1] : "orders-journal.jsonl");
    OrderServiceApp app = start("0.0.0.0", port, journal);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    app.close();
                  } catch (IOException e) {
                    System.err.println("closing the order service failed: " + e);
                  } finally {
                    stopped.countDown();
                  }
                }));
    System.out.printf(
        "Order service: Socket.IO on http://localhost:%d/socket.io/ (namespace %s)%n"
            + "token of customer u1: %s%n"
            + "type <order> <customer> <status>, e.g. o77 u1 shipped%n",
        app.port(), RealtimeNamespace.NAME, app.signIn(UserId.of("u1")));
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] words = line.trim().split("\\s+");
        if (words.length != 3) {
          System.out.println("expected: <order> <customer> <status>");
          continue;
        }
        try {
          app.orders()
              .changeStatus(words[0], UserId.of(words[1]), words[2])
              .whenComplete(
                  (id, failure) ->
                      System.out.println(
                          failure == null ? "published " + id : "failed: " + failure));
        } catch (RuntimeException e) {
          System.out.println("refused: " + e.getMessage());
        }
      }
    }
    stopped.await(); // the input ended: serve until the process is stopped
  }
}
