package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.ConnectionEntry;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.domain.connection.ConnectionUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A durable record of connections (who, from where, over what, which channels, link quality, when
 * it started and ended), for support and audits; not used to route anything. Optional: {@link
 * #NONE} records nothing.
 *
 * <p>Called by the core on any thread, possibly a network thread: returns at once and completes
 * later. Fire and forget: the core logs a failure and never fails a connection because of it.
 * Writes are idempotent ({@code opened} twice keeps one entry); an update or close of an unknown
 * connection is ignored. Thread-safe.
 */
public interface ConnectionLog {

  /** Records a new connection as connected. */
  CompletionStage<Void> opened(ConnectionInfo connection);

  /** Applies a change to a recorded connection and moves its last activity forward. */
  CompletionStage<Void> updated(ConnectionUpdate update);

  /** Marks a recorded connection disconnected at {@code at}. */
  CompletionStage<Void> closed(ConnectionId connection, Instant at);

  CompletionStage<Optional<ConnectionEntry>> find(ConnectionId connection);

  /** The user's connections, most recently opened first, at most {@code limit} (1 to 100). */
  CompletionStage<List<ConnectionEntry>> ofUser(UserId user, int limit);

  /** The most {@link #ofUser} returns. */
  int MAX_LIMIT = 100;

  /** Records nothing and finds nothing: the default without a durable store. */
  ConnectionLog NONE =
      new ConnectionLog() {
        @Override
        public CompletionStage<Void> opened(ConnectionInfo connection) {
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> updated(ConnectionUpdate update) {
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> closed(ConnectionId connection, Instant at) {
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Optional<ConnectionEntry>> find(ConnectionId connection) {
          return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<List<ConnectionEntry>> ofUser(UserId user, int limit) {
          return CompletableFuture.completedFuture(List.of());
        }
      };
}
