package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.port.in.ConnectionUseCase.Session;
import java.util.Objects;

/** What the namespace keeps attached to each connected socket: its session and principal. */
record SocketState(Session session) {
  SocketState {
    Objects.requireNonNull(session, "session");
  }

  ConnectionId connection() {
    return session.connection();
  }

  /** The caller of every use case this socket triggers. */
  Caller caller() {
    return Caller.of(session.principal(), session.connection());
  }
}
