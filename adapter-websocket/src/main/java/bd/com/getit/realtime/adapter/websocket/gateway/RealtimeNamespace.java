package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.adapter.websocket.socketio.ConnectDecision;
import bd.com.getit.realtime.adapter.websocket.socketio.EncodeBuffer;
import bd.com.getit.realtime.adapter.websocket.socketio.Handshake;
import bd.com.getit.realtime.adapter.websocket.socketio.NamespaceHandler;
import bd.com.getit.realtime.adapter.websocket.socketio.SioSocket;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIds;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.port.in.ConnectionUseCase.ConnectCommand;
import bd.com.getit.realtime.port.in.ConnectionUseCase.DisconnectCommand;
import bd.com.getit.realtime.port.in.ConnectionUseCase.Session;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The {@code /realtime} namespace: authenticates a CONNECT through the connection use case, keeps
 * the session attached to the socket, registers it for delivery, and answers each client event with
 * an ack or an {@code error} event (PROTOCOL sections 2 and 4). Never blocks: replies are sent from
 * whichever thread completes the use case.
 */
public final class RealtimeNamespace implements NamespaceHandler {

  /** The application namespace of PROTOCOL section 1. */
  public static final String NAME = "/realtime";

  /** The Socket.IO reasons after which the client must not get its session back. */
  static final String CLIENT_LEFT = "client namespace disconnect";

  static final String SERVER_KICKED = "server namespace disconnect";

  /** How long an accepted CONNECT may wait for its socket before the session is given up. */
  static final Duration PENDING_TIMEOUT = Duration.ofSeconds(60);

  /** The retry hint of a busy reply: about the time a saturated node needs to catch up. */
  static final long BUSY_RETRY_MS = 1_000;

  private static final System.Logger LOG = System.getLogger(RealtimeNamespace.class.getName());

  private final GatewayUseCases useCases;
  private final SocketIoDelivery delivery;
  private final ClientEvents events;
  private final Supplier<String> ids;
  private final Clock clock;
  private final Duration pendingTimeout;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final ClientAddressResolver addresses;
  private final GatewayCounters counters = new GatewayCounters();

  public RealtimeNamespace(GatewayUseCases useCases, SocketIoDelivery delivery) {
    this(useCases, delivery, ClientAddressResolver.peerOnly());
  }

  /**
   * @param addresses derives the client address the connection limits count from the peer and its
   *     {@code X-Forwarded-For}
   */
  public RealtimeNamespace(
      GatewayUseCases useCases, SocketIoDelivery delivery, ClientAddressResolver addresses) {
    this(useCases, delivery, SocketIds::generate, Clock.systemUTC(), PENDING_TIMEOUT, addresses);
  }

  RealtimeNamespace(
      GatewayUseCases useCases,
      SocketIoDelivery delivery,
      Supplier<String> ids,
      Clock clock,
      Duration pendingTimeout) {
    this(useCases, delivery, ids, clock, pendingTimeout, ClientAddressResolver.peerOnly());
  }

  RealtimeNamespace(
      GatewayUseCases useCases,
      SocketIoDelivery delivery,
      Supplier<String> ids,
      Clock clock,
      Duration pendingTimeout,
      ClientAddressResolver addresses) {
    this.addresses = Objects.requireNonNull(addresses, "addresses");
    this.useCases = Objects.requireNonNull(useCases, "useCases");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pendingTimeout = Objects.requireNonNull(pendingTimeout, "pendingTimeout");
    this.events = new ClientEvents(useCases);
  }

  /** What this namespace counts, for the node's metrics. */
  public GatewayCounters counters() {
    return counters;
  }

  /** The session of a socket of this namespace, once it is connected. */
  public static Optional<Session> session(SioSocket socket) {
    SocketState state = socket.attachment(SocketState.class);
    return state == null ? Optional.empty() : Optional.of(state.session());
  }

  @Override
  public CompletionStage<ConnectDecision> authorize(Handshake handshake) {
    Objects.requireNonNull(handshake, "handshake");
    abandonStale();
    ConnectionId connection = new ConnectionId(ids.get());
    CompletionStage<Session> connected =
        call(
            () ->
                useCases
                    .connection()
                    .connect(
                        new ConnectCommand(
                            connection,
                            Credentials.token(handshake),
                            clientAddress(handshake),
                            Objects.requireNonNullElse(handshake.transport(), "unknown"),
                            Credentials.recovery(handshake),
                            Credentials.language(handshake))));
    return connected.handle(
        (session, failure) -> {
          if (failure != null || session == null) {
            RealtimeException error =
                report(
                    failure != null ? failure : new IllegalStateException("no session"), "connect");
            counters.refused(error.code(), "connect");
            return ConnectDecision.reject(Replies.connectError(error));
          }
          // A recovered session may get its previous socket id back, as in Socket.IO: the
          // session's id, not the one proposed, names the socket.
          String socketId = session.connection().value();
          pending.put(socketId, new Pending(session, clock.instant()));
          return ConnectDecision.accept(socketId, Optional.of(session.pid()), session.recovered());
        });
  }

  @Override
  public void onConnect(SioSocket socket) {
    Pending accepted = pending.remove(socket.id());
    if (accepted == null) {
      // Not accepted by this handler, or given up while the CONNECT reply was on its way.
      LOG.log(System.Logger.Level.WARNING, () -> "no session for socket " + socket.id());
      socket.disconnect();
      return;
    }
    SocketState state = new SocketState(accepted.session());
    socket.attach(state);
    delivery.register(state.connection(), socket);
    counters.connected();
    call(() -> useCases.connection().activate(state.connection()))
        .whenComplete(
            (ignored, failure) -> {
              if (failure != null) {
                report(failure, "activate");
              }
            });
  }

  @Override
  public void onEvent(SioSocket socket, String event, List<JsonNode> args, Ack ack) {
    SocketState state = socket.attachment(SocketState.class);
    if (state == null) {
      return;
    }
    CompletionStage<ObjectNode> reply = call(() -> events.handle(state, event, args));
    if (reply.getClass() == CompletableFuture.class && ((CompletableFuture<?>) reply).isDone()) {
      // Answered at once (the in-memory stores): no dependent stage for the reply.
      CompletableFuture<ObjectNode> done = (CompletableFuture<ObjectNode>) reply;
      if (done.isCompletedExceptionally()) {
        done.whenComplete((ignored, failure) -> answer(socket, event, ack, null, failure));
      } else {
        answer(socket, event, ack, done.join(), null);
      }
      return;
    }
    reply.whenComplete((value, failure) -> answer(socket, event, ack, value, failure));
  }

  /**
   * {@code send_message} and {@code broadcast_event} read straight from their text into their
   * command ({@link EventTexts}), and their ack written straight into its packet; anything else, or
   * any payload not in their plain shape, takes the ordinary path ({@link #onEvent}) for the same
   * result or error.
   */
  @Override
  public boolean onEventText(SioSocket socket, String text, int dataStart, Ack ack) {
    SocketState state = socket.attachment(SocketState.class);
    if (state == null) {
      return false;
    }
    EventTexts.Command command = EventTexts.read(text, dataStart, state.caller());
    if (command == null) {
      return false;
    }
    CompletionStage<?> result = call(() -> execute(command));
    String event = command.event();
    boolean sent = command instanceof EventTexts.SendMessage;
    if (result.getClass() == CompletableFuture.class
        && ((CompletableFuture<?>) result).isDone()
        && !((CompletableFuture<?>) result).isCompletedExceptionally()) {
      // Answered at once (the in-memory stores): no dependent stage for the reply.
      answerWritten(socket, event, ack, sent, ((CompletableFuture<?>) result).join());
      return true;
    }
    result.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            answerWritten(socket, event, ack, sent, value);
          } else {
            answer(socket, event, ack, null, failure);
          }
        });
    return true;
  }

  private CompletionStage<?> execute(EventTexts.Command command) {
    if (command instanceof EventTexts.SendMessage send) {
      return useCases.messaging().sendMessage(send.command());
    }
    return useCases.messaging().broadcast(((EventTexts.Broadcast) command).command());
  }

  /** The successful ack of a command read by {@link EventTexts}, written straight as JSON. */
  private void answerWritten(SioSocket socket, String event, Ack ack, boolean sent, Object result) {
    if (sent && !(result instanceof ChatMessage)) {
      // as the tree path's reply would fail on a missing message
      answer(socket, event, ack, null, new IllegalStateException("no message from " + event));
      return;
    }
    if (ack == null) {
      return;
    }
    StringBuilder out = EncodeBuffer.ARGUMENTS.take();
    if (sent) {
      Replies.writeSent(out, (ChatMessage) result);
    } else {
      out.append(Replies.OK_JSON);
    }
    ack.sendJson(out);
    EncodeBuffer.ARGUMENTS.release(out);
  }

  private void answer(
      SioSocket socket, String event, Ack ack, ObjectNode reply, Throwable failure) {
    if (failure == null) {
      if (ack != null) {
        ack.send(List.of(reply));
      }
      return;
    }
    RealtimeException error = report(failure, event);
    counters.refused(error.code(), event);
    if (ack != null) {
      ack.send(List.of(Replies.failure(error)));
    } else {
      socket.emit("error", List.<JsonNode>of(Replies.errorEvent(event, error)));
    }
  }

  /** {@code RATE_LIMITED}: the node's workers have too much waiting; the client retries later. */
  @Override
  public List<JsonNode> busyReply() {
    return List.of(
        Replies.failure(
            new RealtimeException(
                ErrorCode.RATE_LIMITED, "the server is busy, retry shortly", BUSY_RETRY_MS)));
  }

  @Override
  public void onDisconnect(SioSocket socket, String reason) {
    SocketState state = socket.attachment(SocketState.class);
    if (state == null) {
      return;
    }
    delivery.unregister(state.connection());
    String why = Objects.requireNonNullElse(reason, "transport close");
    counters.disconnected(DisconnectReason.of(why));
    boolean recoverable = !(CLIENT_LEFT.equals(why) || SERVER_KICKED.equals(why));
    end(new DisconnectCommand(state.connection(), why, recoverable));
  }

  private String clientAddress(Handshake handshake) {
    Map<String, List<String>> headers = handshake.headers();
    List<String> forwarded = headers == null ? null : headers.get("x-forwarded-for");
    return addresses.resolve(handshake.remoteAddress(), forwarded);
  }

  /** Ends the sessions of accepted CONNECTs whose socket never came (the client went away). */
  private void abandonStale() {
    if (pending.isEmpty()) {
      return;
    }
    Instant cutoff = clock.instant().minus(pendingTimeout);
    Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Pending> e = it.next();
      if (e.getValue().since().isBefore(cutoff) && pending.remove(e.getKey(), e.getValue())) {
        end(new DisconnectCommand(e.getValue().session().connection(), "transport close", false));
      }
    }
  }

  private void end(DisconnectCommand command) {
    call(() -> useCases.connection().disconnect(command))
        .whenComplete(
            (ignored, failure) -> {
              if (failure != null) {
                report(failure, "disconnect");
              }
            });
  }

  /** Runs a use case call, turning a synchronous throw or a missing stage into a failed stage. */
  private static <T> CompletionStage<T> call(Supplier<? extends CompletionStage<T>> action) {
    try {
      return Objects.requireNonNull(action.get(), "the use case returned no stage");
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The contract failure behind {@code failure}; anything unexpected is logged as INTERNAL. */
  private static RealtimeException report(Throwable failure, String what) {
    RealtimeException error = RealtimeException.of(failure);
    if (error.code() == ErrorCode.INTERNAL) {
      LOG.log(System.Logger.Level.ERROR, "unexpected failure in " + what, failure);
    }
    return error;
  }

  /** An accepted CONNECT waiting for its socket. */
  private record Pending(Session session, Instant since) {}
}
