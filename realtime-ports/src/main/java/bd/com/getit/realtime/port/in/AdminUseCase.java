package bd.com.getit.realtime.port.in;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.cluster.Stats;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Operations for admins: figures, live connections, kicking a socket. */
public interface AdminUseCase {

  CompletionStage<Stats> stats(Caller caller);

  CompletionStage<List<ConnectionInfo>> connections(Caller caller);

  /** Disconnects a socket of any node; {@code NOT_FOUND} when no such connection is live. */
  CompletionStage<Void> disconnect(Caller caller, ConnectionId connection);
}
