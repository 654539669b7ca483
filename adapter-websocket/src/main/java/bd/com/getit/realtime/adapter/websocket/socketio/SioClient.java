package bd.com.getit.realtime.adapter.websocket.socketio;

import bd.com.getit.realtime.adapter.websocket.engineio.EngineSocket;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The Socket.IO side of one Engine.IO session: decodes its packets, joins namespaces and routes
 * packets to their sockets, as Node's {@code Client}. Its state is confined to a {@link
 * SerialExecutor}, so every method below runs one at a time.
 */
final class SioClient {

  private static final System.Logger LOG = System.getLogger(SioClient.class.getName());
  static final String FORCED_SERVER_CLOSE = "forced server close";

  private final EngineSocket engine;
  private final Map<String, NamespaceHandler> handlers;
  private final SocketIoOptions options;
  private final Scheduler scheduler;
  private final ClientWorkers workers;
  private final SerialExecutor serial;
  private final PacketDecoder decoder;
  // Immutable, replaced on each join and leave: written only by the serial executor, read lock-free
  // by the busy answer on the network thread (see refuse). One namespace is a two-field map, where
  // a concurrent map was 120 bytes that an idle session keeps for hours.
  private volatile Map<String, NamespaceSocket> sockets = Map.of();
  private List<String> authorizing; // namespaces whose CONNECT is being authorized; null if none
  private Scheduler.Cancellable connectTimer;
  private boolean closing; // we closed the engine and wait for its close reason
  private boolean closed; // every socket has left

  SioClient(
      EngineSocket engine,
      Map<String, NamespaceHandler> handlers,
      SocketIoOptions options,
      Scheduler scheduler,
      ClientWorkers workers) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.workers = Objects.requireNonNull(workers, "workers");
    this.serial = workers.newSerial();
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.options = Objects.requireNonNull(options, "options");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.decoder = new PacketDecoder(options.maxAttachments(), options.maxAttachmentBytes());
  }

  /** Starts the connect timer: a session that joins no namespace in time is closed. */
  void start() {
    serial.execute(
        () ->
            connectTimer =
                scheduler.schedule(
                    options.connectTimeout(), () -> serial.execute(this::onConnectTimeout)));
  }

  /** A message from the engine (a network thread): admitted to the workers, or answered now. */
  void onText(String text) {
    ClientWorkers.Admission admission = workers.admit(serial.pending());
    if (admission != ClientWorkers.Admission.ACCEPT && refuse(text, admission)) {
      return;
    }
    workers.queued();
    serial.execute(
        () -> {
          workers.done();
          receiveText(text);
        });
  }

  void onBinary(byte[] data) {
    // an attachment belongs to a packet already admitted: it is only refused with the session
    if (workers.admit(serial.pending()) == ClientWorkers.Admission.CLOSE) {
      refuse(null, ClientWorkers.Admission.CLOSE);
      return;
    }
    workers.queued();
    serial.execute(
        () -> {
          workers.done();
          receive(() -> decoder.add(data));
        });
  }

  /**
   * The overload answer, on the caller's (network) thread, instead of a longer queue: a session
   * that floods is closed; a plain EVENT gets the namespace's busy ack at once, or is shed when it
   * asked for none. Anything else (connects, acks, disconnects, binary events) is still queued:
   * false.
   */
  private boolean refuse(String text, ClientWorkers.Admission admission) {
    if (admission == ClientWorkers.Admission.CLOSE) {
      workers.refusedOne();
      LOG.log(
          System.Logger.Level.INFO, "closing {0}: too many client messages waiting", engine.id());
      engine.close();
      return true;
    }
    if (text.isEmpty() || text.charAt(0) != '2') {
      return false;
    }
    workers.refusedOne();
    String namespace = "/";
    int i = 1;
    if (text.length() > 1 && text.charAt(1) == '/') {
      int comma = text.indexOf(',', 1);
      if (comma < 0) {
        return true; // malformed: shed
      }
      namespace = text.substring(1, comma);
      i = comma + 1;
    }
    int start = i;
    while (i < text.length() && i - start <= 16 && Character.isDigit(text.charAt(i))) {
      i++;
    }
    NamespaceSocket socket = sockets.get(namespace);
    NamespaceHandler handler = handlers.get(namespace);
    if (i > start && i - start <= 16 && socket != null && socket.isConnected() && handler != null) {
      long ackId = Long.parseLong(text, start, i, 10);
      if (ackId <= SocketIoPacket.MAX_ACK_ID) {
        socket.ackFor(ackId).send(handler.busyReply());
      }
    }
    return true;
  }

  /** One decoding step of an incoming message: a complete packet, or null while one is partial. */
  @FunctionalInterface
  private interface Decoding {
    SocketIoPacket next() throws MalformedPacketException;
  }

  private void receiveText(String text) {
    if (closed || closing) {
      return;
    }
    if (!decoder.waiting() && offerEventText(text)) {
      return;
    }
    receive(() -> decoder.add(text));
  }

  /**
   * A plain EVENT for a joined namespace is first offered undecoded to its handler ({@link
   * NamespaceHandler#onEventText}); true when the handler took it.
   */
  private boolean offerEventText(String text) {
    SocketIoCodec.EventHeader header = SocketIoCodec.plainEventHeader(text);
    if (header == null) {
      return false;
    }
    NamespaceSocket socket = sockets.get(header.namespace());
    if (socket == null) {
      return false;
    }
    NamespaceHandler.Ack ack = header.ackId() >= 0 ? socket.ackFor(header.ackId()) : null;
    try {
      return socket.handler().onEventText(socket, text, header.dataStart(), ack);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "namespace handler failed", e);
      return true; // as onEvent's failures: logged, and the event is not delivered twice
    }
  }

  private void receive(Decoding decoding) {
    if (closed || closing) {
      return;
    }
    SocketIoPacket packet;
    try {
      packet = decoding.next();
    } catch (MalformedPacketException e) {
      onMalformed(e);
      return;
    }
    if (packet != null) {
      dispatch(packet);
    }
  }

  /** The Engine.IO session ended: every socket leaves with the engine's reason, as in Node. */
  void onEngineClose(String reason) {
    serial.execute(() -> closeAll(reason));
  }

  void disconnectByServer(NamespaceSocket socket) {
    serial.execute(
        () -> {
          if (closed || sockets.get(socket.namespace()) != socket) {
            return;
          }
          engine.send(SocketIoCodec.encodeText(new SocketIoPacket.Disconnect(socket.namespace())));
          leave(socket, "server namespace disconnect");
        });
  }

  private void dispatch(SocketIoPacket packet) {
    String namespace = packet.namespace();
    NamespaceSocket socket = sockets.get(namespace);
    boolean connect = packet instanceof SocketIoPacket.Connect;
    if (socket == null && connect) {
      connect((SocketIoPacket.Connect) packet);
    } else if (socket != null && !connect && !(packet instanceof SocketIoPacket.ConnectError)) {
      onPacket(socket, packet);
    } else {
      // Node closes the session on a packet for a namespace not joined, or a second CONNECT
      LOG.log(System.Logger.Level.DEBUG, "invalid state for {0} on {1}", packet, engine.id());
      forceClose();
    }
  }

  private void connect(SocketIoPacket.Connect packet) {
    NamespaceHandler handler = handlers.get(packet.namespace());
    if (handler == null) {
      ObjectNode error = SocketIoCodec.JSON.createObjectNode().put("message", "Invalid namespace");
      engine.send(
          SocketIoCodec.encodeText(new SocketIoPacket.ConnectError(packet.namespace(), error)));
      return;
    }
    String namespace = registeredName(packet.namespace());
    if (!startAuthorizing(namespace)) {
      return; // the first CONNECT is still being authorized
    }
    Handshake handshake = handshake(namespace, packet.data());
    CompletionStage<ConnectDecision> decision;
    try {
      decision = handler.authorize(handshake);
    } catch (RuntimeException e) {
      decision = CompletableFuture.failedFuture(e);
    }
    decision.whenComplete(
        (result, error) -> serial.execute(() -> decided(handler, handshake, result, error)));
  }

  private Handshake handshake(String namespace, Optional<ObjectNode> data) {
    ObjectNode auth = data.orElseGet(SocketIoCodec.JSON::createObjectNode);
    Optional<String> pid = Optional.empty();
    Optional<String> offset = Optional.empty();
    JsonNode pidNode = auth.get("pid");
    JsonNode offsetNode = auth.get("offset");
    if (options.recoveryEnabled()
        && pidNode != null
        && pidNode.isTextual()
        && offsetNode != null
        && offsetNode.isTextual()) {
      pid = Optional.of(pidNode.textValue());
      offset = Optional.of(offsetNode.textValue());
    }
    return new Handshake(
        engine.id(),
        namespace,
        auth,
        engine.query(),
        engine.headers(),
        engine.remoteAddress(),
        engine.transport(),
        pid,
        offset);
  }

  private void decided(
      NamespaceHandler handler, Handshake handshake, ConnectDecision decision, Throwable error) {
    String namespace = handshake.namespace();
    doneAuthorizing(namespace);
    if (closed || closing || !engine.isOpen()) {
      return; // Node: "next called after client was closed - ignoring socket"
    }
    if (error != null || decision == null) {
      LOG.log(System.Logger.Level.WARNING, "authorization failed on " + namespace, error);
      ObjectNode payload = SocketIoCodec.JSON.createObjectNode().put("message", "Internal error");
      engine.send(SocketIoCodec.encodeText(new SocketIoPacket.ConnectError(namespace, payload)));
      return;
    }
    if (!decision.accepted()) {
      engine.send(
          SocketIoCodec.encodeText(new SocketIoPacket.ConnectError(namespace, decision.error())));
      return;
    }
    NamespaceSocket socket =
        new NamespaceSocket(
            decision.socketId(),
            handshake,
            handler,
            engine,
            this,
            scheduler,
            options.maxPendingAcks());
    joined(socket);
    cancelConnectTimer();
    ObjectNode reply = SocketIoCodec.JSON.createObjectNode().put("sid", decision.socketId());
    decision.pid().ifPresent(pid -> reply.put("pid", pid));
    engine.send(
        SocketIoCodec.encodeText(new SocketIoPacket.Connect(namespace, Optional.of(reply))));
    guard(() -> handler.onConnect(socket));
    socket.releaseHandshake();
  }

  private void onPacket(NamespaceSocket socket, SocketIoPacket packet) {
    NamespaceHandler handler = socket.handler();
    if (packet instanceof SocketIoPacket.Event) {
      SocketIoPacket.Event event = (SocketIoPacket.Event) packet;
      NamespaceHandler.Ack ack =
          event.ackId().isPresent() ? socket.ackFor(event.ackId().getAsLong()) : null;
      guard(() -> handler.onEvent(socket, event.event(), event.args(), ack));
    } else if (packet instanceof SocketIoPacket.Ack) {
      socket.onAck((SocketIoPacket.Ack) packet);
    } else if (packet instanceof SocketIoPacket.Disconnect) {
      leave(socket, "client namespace disconnect");
    }
    // the decoder never hands over a binary packet before its attachments are in
  }

  private void leave(NamespaceSocket socket, String reason) {
    left(socket);
    NamespaceHandler handler = socket.handler();
    socket.markDisconnected(reason);
    guard(() -> handler.onDisconnect(socket, reason));
  }

  /** Adds {@code socket} to the joined sockets; on the serial executor only. */
  private void joined(NamespaceSocket socket) {
    Map<String, NamespaceSocket> current = sockets;
    if (current.isEmpty()) {
      sockets = Map.of(socket.namespace(), socket);
      return;
    }
    Map<String, NamespaceSocket> next = new HashMap<>(current);
    next.put(socket.namespace(), socket);
    sockets = Map.copyOf(next);
  }

  /** Removes {@code socket} from the joined sockets; on the serial executor only. */
  private void left(NamespaceSocket socket) {
    Map<String, NamespaceSocket> current = sockets;
    if (current.get(socket.namespace()) != socket) {
      return;
    }
    Map<String, NamespaceSocket> next = new HashMap<>(current);
    next.remove(socket.namespace());
    sockets = Map.copyOf(next);
  }

  /**
   * The name as the handlers were registered under, not the copy parsed from the packet: a socket
   * keeps it for its whole life.
   */
  private String registeredName(String namespace) {
    for (String name : handlers.keySet()) {
      if (name.equals(namespace)) {
        return name;
      }
    }
    return namespace;
  }

  private boolean startAuthorizing(String namespace) {
    if (authorizing == null) {
      authorizing = new ArrayList<>(1);
    } else if (authorizing.contains(namespace)) {
      return false;
    }
    authorizing.add(namespace);
    return true;
  }

  private void doneAuthorizing(String namespace) {
    if (authorizing != null) {
      authorizing.remove(namespace);
      if (authorizing.isEmpty()) {
        authorizing = null;
      }
    }
  }

  private void onMalformed(MalformedPacketException e) {
    // Node: the parser's error closes the session; the engine then reports its close reason
    LOG.log(System.Logger.Level.DEBUG, "malformed packet on {0}: {1}", engine.id(), e.getMessage());
    engine.close();
    closeAll(null);
  }

  private void onConnectTimeout() {
    if (!closed && sockets.isEmpty()) {
      LOG.log(System.Logger.Level.DEBUG, "no namespace joined in time on {0}", engine.id());
      forceClose();
    }
  }

  /** As Node's {@code Client.close()}: close the session and report {@code forced server close}. */
  private void forceClose() {
    engine.close();
    closeAll(FORCED_SERVER_CLOSE);
  }

  /**
   * Ends every socket of this session, once; with a null reason the session is only marked closing
   * and waits for the engine's reason.
   */
  private void closeAll(String reason) {
    if (closed) {
      return;
    }
    if (reason == null) {
      closing = true;
      return;
    }
    closed = true;
    cancelConnectTimer();
    List<NamespaceSocket> leaving = new ArrayList<>(sockets.values());
    for (NamespaceSocket socket : leaving) {
      leave(socket, reason);
    }
  }

  private void cancelConnectTimer() {
    if (connectTimer != null) {
      connectTimer.cancel();
      connectTimer = null;
    }
  }

  /** A handler's failure is logged and stays with its callback, never reaching the engine. */
  private static void guard(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "namespace handler failed", e);
    }
  }
}
