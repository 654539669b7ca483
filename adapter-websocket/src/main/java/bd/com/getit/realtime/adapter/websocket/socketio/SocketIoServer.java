package bd.com.getit.realtime.adapter.websocket.socketio;

import bd.com.getit.realtime.adapter.websocket.engineio.EngineListener;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineSocket;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Socket.IO protocol 5 server on top of Engine.IO: namespaces (multiplexed on one session),
 * connect authorization, events, acknowledgements in both directions and binary attachments, with
 * the Node server's behaviour on the wire. Thread-safe; never blocks the engine's threads: a
 * session's packets are decoded and handled on the {@link ClientWorkers}, in order.
 */
public final class SocketIoServer implements EngineListener {

  private final SocketIoOptions options;
  private final Map<String, NamespaceHandler> namespaces;
  private final Scheduler scheduler;
  private final ClientWorkers workers;

  /**
   * @param namespaces the handler of each namespace by name ({@code /}, {@code /realtime}); a
   *     CONNECT to any other gets {@code Invalid namespace}
   * @param scheduler shared timer for connect and ack timeouts; tasks are short and never block
   * @param workers the node's pool that runs the sessions' work off the network threads
   */
  public SocketIoServer(
      SocketIoOptions options,
      Map<String, NamespaceHandler> namespaces,
      ScheduledExecutorService scheduler,
      ClientWorkers workers) {
    this(
        options, namespaces, Scheduler.of(Objects.requireNonNull(scheduler, "scheduler")), workers);
  }

  SocketIoServer(
      SocketIoOptions options,
      Map<String, NamespaceHandler> namespaces,
      Scheduler scheduler,
      ClientWorkers workers) {
    this.options = Objects.requireNonNull(options, "options");
    this.namespaces = Map.copyOf(Objects.requireNonNull(namespaces, "namespaces"));
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.workers = Objects.requireNonNull(workers, "workers");
    for (String name : this.namespaces.keySet()) {
      new SocketIoPacket.Disconnect(name); // validates the name
    }
    CodecWarmUp.run();
  }

  @Override
  public void onOpen(EngineSocket socket) {
    SioClient client = new SioClient(socket, namespaces, options, scheduler, workers);
    socket.attach(client);
    client.start();
  }

  @Override
  public void onMessage(EngineSocket socket, String text) {
    SioClient client = socket.attachment(SioClient.class);
    if (client != null) {
      client.onText(text);
    }
  }

  @Override
  public void onBinary(EngineSocket socket, byte[] data) {
    SioClient client = socket.attachment(SioClient.class);
    if (client != null) {
      client.onBinary(data);
    }
  }

  @Override
  public void onClose(EngineSocket socket, String reason) {
    SioClient client = socket.attachment(SioClient.class);
    if (client != null) {
      client.onEngineClose(reason);
    }
  }
}
