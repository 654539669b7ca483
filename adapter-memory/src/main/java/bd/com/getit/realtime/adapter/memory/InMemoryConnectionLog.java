package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.ConnectionEntry;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.domain.connection.ConnectionUpdate;
import bd.com.getit.realtime.port.out.ConnectionLog;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The connection log of this process: the reference for the contract, and a bounded log for an
 * embedded core that wants one. Keeps the newest {@code maxEntries} connections by opening order.
 * Thread-safe (one lock; every operation is a map access); returns completed stages.
 */
public final class InMemoryConnectionLog implements ConnectionLog {
  /** The default number of connections kept. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private final Map<ConnectionId, ConnectionEntry> entries;

  public InMemoryConnectionLog() {
    this(DEFAULT_MAX_ENTRIES);
  }

  public InMemoryConnectionLog(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries >= 1");
    }
    this.entries =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<ConnectionId, ConnectionEntry> eldest) {
            return size() > maxEntries;
          }
        };
  }

  @Override
  public synchronized CompletionStage<Void> opened(ConnectionInfo connection) {
    Objects.requireNonNull(connection, "connection");
    entries.putIfAbsent(connection.id(), ConnectionEntry.opened(connection));
    return completedFuture(null);
  }

  @Override
  public synchronized CompletionStage<Void> updated(ConnectionUpdate update) {
    Objects.requireNonNull(update, "update");
    entries.computeIfPresent(update.connection(), (id, e) -> e.with(update));
    return completedFuture(null);
  }

  @Override
  public synchronized CompletionStage<Void> closed(ConnectionId connection, Instant at) {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(at, "at");
    entries.computeIfPresent(connection, (id, e) -> e.closed(at));
    return completedFuture(null);
  }

  @Override
  public synchronized CompletionStage<Optional<ConnectionEntry>> find(ConnectionId connection) {
    Objects.requireNonNull(connection, "connection");
    return completedFuture(Optional.ofNullable(entries.get(connection)));
  }

  @Override
  public synchronized CompletionStage<List<ConnectionEntry>> ofUser(UserId user, int limit) {
    Objects.requireNonNull(user, "user");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit is 1 to " + MAX_LIMIT + ": " + limit);
    }
    return completedFuture(
        entries.values().stream()
            .filter(e -> e.connection().user().equals(user))
            .sorted(
                Comparator.comparing((ConnectionEntry e) -> e.connection().connectedAt())
                    .thenComparing(e -> e.connection().id().value())
                    .reversed())
            .limit(limit)
            .toList());
  }
}
