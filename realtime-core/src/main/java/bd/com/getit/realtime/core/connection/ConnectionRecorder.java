package bd.com.getit.realtime.core.connection;

import bd.com.getit.realtime.core.ConnectionListener;
import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.domain.connection.ConnectionUpdate;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ConnectionLog;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Writes this node's connections to the {@link ConnectionLog}: opened and closed as a {@link
 * ConnectionListener}, channels after each join or leave. Fire and forget: every stage it returns
 * completes normally at once, a failed write is logged, and no connection waits on the log.
 * Thread-safe; never blocks.
 */
public final class ConnectionRecorder implements ConnectionListener {
  private static final System.Logger LOG = System.getLogger(ConnectionRecorder.class.getName());

  private final ConnectionLog log;
  private final LocalSessions sessions;
  private final Clock clock;

  public ConnectionRecorder(ConnectionLog log, LocalSessions sessions, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CompletionStage<Void> connected(Principal principal, ConnectionInfo connection) {
    return write("opening " + connection.id(), () -> log.opened(connection));
  }

  @Override
  public CompletionStage<Void> disconnected(Principal principal, ConnectionInfo connection) {
    return write("closing " + connection.id(), () -> log.closed(connection.id(), clock.now()));
  }

  /** Records the connection's current channels; a connection no longer here is skipped. */
  public CompletionStage<Void> channelsChanged(ConnectionId connection) {
    Objects.requireNonNull(connection, "connection");
    if (sessions.find(connection).isEmpty()) {
      return Stages.done();
    }
    return updated(
        ConnectionUpdate.channels(connection, clock.now(), sessions.channelsOf(connection)));
  }

  /** Records a change of a live connection (link quality, location). */
  public CompletionStage<Void> updated(ConnectionUpdate update) {
    Objects.requireNonNull(update, "update");
    return write("updating " + update.connection(), () -> log.updated(update));
  }

  /** Starts the write and returns at once; its failure (even a synchronous throw) is logged. */
  private static CompletionStage<Void> write(String what, Supplier<CompletionStage<Void>> body) {
    Stages.guard(body)
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                LOG.log(System.Logger.Level.WARNING, "connection log: " + what + " failed", e);
              }
            });
    return Stages.done();
  }
}
