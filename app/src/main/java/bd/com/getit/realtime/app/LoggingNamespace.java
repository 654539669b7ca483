package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.websocket.gateway.RealtimeNamespace;
import bd.com.getit.realtime.adapter.websocket.socketio.ConnectDecision;
import bd.com.getit.realtime.adapter.websocket.socketio.Handshake;
import bd.com.getit.realtime.adapter.websocket.socketio.NamespaceHandler;
import bd.com.getit.realtime.adapter.websocket.socketio.SioSocket;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.slf4j.MDC;

/**
 * The {@code /realtime} namespace with the socket id and the user id in the logging context (MDC
 * {@code socket_id}, {@code user_id}) while each of its calls runs, so every line the gateway and
 * the core log on that thread names the socket it is about (the JSON log has them as fields).
 * Continuations on other threads (Redis replies) are not covered.
 */
final class LoggingNamespace implements NamespaceHandler {
  static final String SOCKET_ID = "socket_id";
  static final String USER_ID = "user_id";

  private final NamespaceHandler delegate;

  LoggingNamespace(NamespaceHandler delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public CompletionStage<ConnectDecision> authorize(Handshake handshake) {
    return delegate.authorize(handshake);
  }

  @Override
  public void onConnect(SioSocket socket) {
    try (Context ignored = Context.of(socket)) {
      delegate.onConnect(socket);
    }
  }

  @Override
  public void onEvent(SioSocket socket, String event, List<JsonNode> args, Ack ack) {
    try (Context ignored = Context.of(socket)) {
      delegate.onEvent(socket, event, args, ack);
    }
  }

  @Override
  public boolean onEventText(SioSocket socket, String text, int dataStart, Ack ack) {
    try (Context ignored = Context.of(socket)) {
      return delegate.onEventText(socket, text, dataStart, ack);
    }
  }

  @Override
  public void onDisconnect(SioSocket socket, String reason) {
    try (Context ignored = Context.of(socket)) {
      delegate.onDisconnect(socket, reason);
    }
  }

  @Override
  public List<JsonNode> busyReply() {
    return delegate.busyReply();
  }

  /** The socket's ids in the MDC until closed. */
  private record Context(boolean hadUser) implements AutoCloseable {
    static Context of(SioSocket socket) {
      MDC.put(SOCKET_ID, socket.id());
      var session = RealtimeNamespace.session(socket);
      session.ifPresent(s -> MDC.put(USER_ID, s.principal().user().value()));
      return new Context(session.isPresent());
    }

    @Override
    public void close() {
      MDC.remove(SOCKET_ID);
      if (hadUser) {
        MDC.remove(USER_ID);
      }
    }
  }
}
