package bd.com.getit.realtime.adapter.websocket.socketio;

import bd.com.getit.realtime.adapter.websocket.engineio.EngineSocket;
import bd.com.getit.realtime.adapter.websocket.engineio.PreparedMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A socket joined to one namespace over one Engine.IO session: sends and the server's acks. */
final class NamespaceSocket implements SioSocket {

  private final String id;
  private final String namespace;
  private final NamespaceHandler handler;
  private volatile Handshake handshake; // until onConnect returns: its auth holds credentials
  private final EngineSocket engine;
  private final SioClient client;
  private final Scheduler scheduler;
  private final int maxPendingAcks;
  // made on the first emit with an ack: most sockets never have one
  private volatile Map<Long, CompletableFuture<List<JsonNode>>> pendingAcks;
  private long nextAckId; // guarded by this
  private volatile boolean connected = true;
  private volatile Object attachment;

  NamespaceSocket(
      String id,
      Handshake handshake,
      NamespaceHandler handler,
      EngineSocket engine,
      SioClient client,
      Scheduler scheduler,
      int maxPendingAcks) {
    this.id = Objects.requireNonNull(id, "id");
    this.handshake = Objects.requireNonNull(handshake, "handshake");
    this.namespace = handshake.namespace();
    this.handler = Objects.requireNonNull(handler, "handler");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.client = Objects.requireNonNull(client, "client");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.maxPendingAcks = maxPendingAcks;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String namespace() {
    return namespace;
  }

  @Override
  public EngineSocket engine() {
    return engine;
  }

  @Override
  public Handshake handshake() {
    Handshake kept = handshake;
    if (kept == null) {
      throw new IllegalStateException("the handshake is released once onConnect has returned");
    }
    return kept;
  }

  /** The handler of this socket's namespace. */
  NamespaceHandler handler() {
    return handler;
  }

  /** The handler has seen the socket: a live socket need not keep the handshake. */
  void releaseHandshake() {
    handshake = null;
  }

  boolean isConnected() {
    return connected;
  }

  @Override
  public boolean emit(String event, List<JsonNode> args) {
    requireEmittable(event, args);
    if (!connected) {
      return false;
    }
    return send(SocketIoCodec.encodeEventArgs(namespace(), event, args, OptionalLong.empty()));
  }

  @Override
  public CompletableFuture<List<JsonNode>> emitWithAck(
      String event, List<JsonNode> args, Duration timeout) {
    requireEmittable(event, args);
    Objects.requireNonNull(timeout, "timeout");
    if (!connected) {
      return CompletableFuture.failedFuture(new IllegalStateException("socket disconnected"));
    }
    Map<Long, CompletableFuture<List<JsonNode>>> pendingAcks = pendingAcks();
    if (pendingAcks.size() >= maxPendingAcks) {
      return CompletableFuture.failedFuture(new IllegalStateException("too many pending acks"));
    }
    long ackId;
    synchronized (this) {
      ackId = nextAckId++ & SocketIoPacket.MAX_ACK_ID;
    }
    CompletableFuture<List<JsonNode>> future = new CompletableFuture<>();
    pendingAcks.put(ackId, future);
    Scheduler.Cancellable timer =
        scheduler.schedule(
            timeout,
            () -> {
              if (pendingAcks.remove(ackId, future)) {
                future.completeExceptionally(
                    new TimeoutException("no ack for " + event + " within " + timeout));
              }
            });
    future.whenComplete((args2, error) -> timer.cancel());
    if (!send(SocketIoCodec.encodeEventArgs(namespace(), event, args, OptionalLong.of(ackId)))) {
      pendingAcks.remove(ackId, future);
      future.completeExceptionally(new IllegalStateException("send queue refused the packet"));
    }
    return future;
  }

  @Override
  public boolean sendEncoded(String packet) {
    Objects.requireNonNull(packet, "packet");
    return connected && engine.send(packet);
  }

  @Override
  public boolean sendEncoded(PreparedMessage packet) {
    Objects.requireNonNull(packet, "packet");
    return connected && engine.send(packet);
  }

  @Override
  public void disconnect() {
    client.disconnectByServer(this);
  }

  @Override
  public void attach(Object attachment) {
    this.attachment = attachment;
  }

  @Override
  public <T> T attachment(Class<T> type) {
    Object value = attachment;
    return type.isInstance(value) ? type.cast(value) : null;
  }

  private Map<Long, CompletableFuture<List<JsonNode>>> pendingAcks() {
    Map<Long, CompletableFuture<List<JsonNode>>> acks = pendingAcks;
    if (acks == null) {
      synchronized (this) {
        acks = pendingAcks;
        if (acks == null) {
          acks = new ConcurrentHashMap<>(4);
          pendingAcks = acks;
        }
      }
    }
    return acks;
  }

  /** The acknowledgement a client event asked for: sent at most once, from any thread. */
  NamespaceHandler.Ack ackFor(long ackId) {
    return new OnceAck(ackId);
  }

  /** An acknowledgement sent at most once (the flag is the object itself: one object per ack). */
  @SuppressWarnings("serial") // never serialized
  private final class OnceAck extends AtomicBoolean implements NamespaceHandler.Ack {
    private final long ackId;

    OnceAck(long ackId) {
      this.ackId = ackId;
    }

    @Override
    public void send(List<JsonNode> args) {
      Objects.requireNonNull(args, "args");
      if (compareAndSet(false, true)) {
        var data = SocketIoCodec.JSON.getNodeFactory().arrayNode(args.size());
        data.addAll(args);
        NamespaceSocket.this.send(
            SocketIoCodec.encode(new SocketIoPacket.Ack(namespace(), ackId, data)));
      }
    }

    /** The packet written around {@code json} and encoded once into its frame. */
    @Override
    public void sendJson(CharSequence json) {
      Objects.requireNonNull(json, "json");
      if (compareAndSet(false, true)) {
        StringBuilder out = EncodeBuffer.PACKETS.take();
        SocketIoCodec.openAck(out, namespace, ackId);
        out.append(json).append(']');
        PreparedMessage packet = PreparedMessage.of(out);
        EncodeBuffer.PACKETS.release(out);
        engine.send(packet);
      }
    }
  }

  /** The client acknowledged a server emit; an unknown id is ignored as Node does. */
  void onAck(SocketIoPacket.Ack ack) {
    Map<Long, CompletableFuture<List<JsonNode>>> pendingAcks = this.pendingAcks;
    CompletableFuture<List<JsonNode>> future =
        pendingAcks == null ? null : pendingAcks.remove(ack.ackId());
    if (future != null) {
      future.complete(ack.args());
    }
  }

  /** Marks the socket gone and fails the emits still waiting for an ack. */
  void markDisconnected(String reason) {
    connected = false;
    Map<Long, CompletableFuture<List<JsonNode>>> pendingAcks = this.pendingAcks;
    if (pendingAcks == null) {
      return;
    }
    for (Long ackId : pendingAcks.keySet()) {
      CompletableFuture<List<JsonNode>> future = pendingAcks.remove(ackId);
      if (future != null) {
        future.completeExceptionally(new IllegalStateException("socket disconnected: " + reason));
      }
    }
  }

  /** As Node, emitting a reserved event name is a programming error. */
  private static void requireEmittable(String event, List<JsonNode> args) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(args, "args");
    if (SocketIoCodec.isReservedEvent(event)) {
      throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
    }
  }

  private boolean send(List<Object> messages) {
    if (messages.size() == 1) {
      return engine.send((String) messages.get(0));
    }
    return engine.sendAll(messages);
  }

  @Override
  public String toString() {
    return "SioSocket[" + id + " " + namespace() + "]";
  }
}
