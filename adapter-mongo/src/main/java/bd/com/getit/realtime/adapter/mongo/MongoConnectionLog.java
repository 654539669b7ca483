package bd.com.getit.realtime.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.ConnectionEntry;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.domain.connection.ConnectionUpdate;
import bd.com.getit.realtime.port.out.ConnectionLog;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The connection log in {@code realtime_connections}. Thread-safe; every method returns at once and
 * completes on a driver thread. Opening inserts by socket id (a repeat is a no-op); updates and the
 * close are single-document {@code $set}s with {@code $max} on {@code last_activity}, so writes
 * that overtake each other never move it back. Every write pushes {@code expires_at} to its time
 * plus the retention: MongoDB removes a record that long after its last activity (after the
 * disconnect, or after a node died without closing its connections).
 */
public final class MongoConnectionLog implements ConnectionLog {
  static final String CONNECTIONS = "realtime_connections";

  private final MongoCollection<Document> connections;
  private final Duration retention;
  private final DocumentMapper mapper = DocumentMapper.INSTANCE;

  MongoConnectionLog(MongoCollection<Document> connections, Duration retention) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.retention = Objects.requireNonNull(retention, "retention");
  }

  @Override
  public CompletionStage<Void> opened(ConnectionInfo connection) {
    Objects.requireNonNull(connection, "connection");
    Document document =
        mapper
            .toDocument(
                ConnectionEntry.opened(connection), connection.connectedAt().plus(retention))
            .toBson();
    CompletableFuture<Void> stored = new CompletableFuture<>();
    Publishers.first(connections.insertOne(document))
        .whenComplete(
            (r, e) -> {
              if (e == null || MongoChatRepository.isDuplicate(e)) {
                stored.complete(null); // logged now, or by an earlier call: unchanged
              } else {
                stored.completeExceptionally(
                    Reads.failure("logging connection " + connection.id(), e));
              }
            });
    return stored;
  }

  @Override
  public CompletionStage<Void> updated(ConnectionUpdate update) {
    Objects.requireNonNull(update, "update");
    List<Bson> changes = new ArrayList<>(activity(update.at()));
    update
        .channels()
        .ifPresent(
            c ->
                changes.add(
                    Updates.set(
                        ConnectionDocument.CHANNELS,
                        c.stream().map(ChannelName::toString).sorted().toList())));
    update
        .quality()
        .ifPresent(
            q ->
                changes.add(
                    Updates.set(
                        ConnectionDocument.NETWORK_INFO, Values.network(Optional.of(q)).toBson())));
    update
        .location()
        .ifPresent(
            l ->
                changes.add(
                    Updates.set(
                        ConnectionDocument.LOCATION, Values.location(Optional.of(l)).toBson())));
    return write("updating connection " + update.connection(), update.connection(), changes);
  }

  @Override
  public CompletionStage<Void> closed(ConnectionId connection, Instant at) {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(at, "at");
    List<Bson> changes = new ArrayList<>(activity(at));
    changes.add(Updates.set(ConnectionDocument.DISCONNECTED_AT, Date.from(at)));
    changes.add(Updates.set(ConnectionDocument.STATUS, ConnectionDocument.DISCONNECTED));
    return write("closing connection " + connection, connection, changes);
  }

  @Override
  public CompletionStage<Optional<ConnectionEntry>> find(ConnectionId connection) {
    Objects.requireNonNull(connection, "connection");
    return Reads.guard(
            "finding connection " + connection,
            Publishers.first(connections.find(eq("_id", connection.value())).limit(1)))
        .thenApply(found -> found.flatMap(this::decode));
  }

  @Override
  public CompletionStage<List<ConnectionEntry>> ofUser(UserId user, int limit) {
    Objects.requireNonNull(user, "user");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit is 1 to " + MAX_LIMIT + ": " + limit);
    }
    return Reads.guard(
            "listing connections of " + user,
            Publishers.all(
                connections
                    .find(eq(ConnectionDocument.USER_ID, user.value()))
                    .sort(Sorts.descending(ConnectionDocument.CONNECTED_AT, "_id"))
                    .limit(limit)))
        .thenApply(
            documents ->
                Reads.decodeAll(
                    CONNECTIONS, documents, d -> mapper.toDomain(ConnectionDocument.fromBson(d))));
  }

  private Optional<ConnectionEntry> decode(Document d) {
    return Reads.decode(CONNECTIONS, d, x -> mapper.toDomain(ConnectionDocument.fromBson(x)));
  }

  /** Activity at {@code at}: neither the last activity nor the expiry ever moves back. */
  private List<Bson> activity(Instant at) {
    return List.of(
        Updates.max(ConnectionDocument.LAST_ACTIVITY, Date.from(at)),
        Updates.max(ConnectionDocument.EXPIRES_AT, Date.from(at.plus(retention))));
  }

  private CompletionStage<Void> write(String what, ConnectionId connection, List<Bson> changes) {
    // No upsert: a change of a connection never opened (or already expired) is dropped.
    return Reads.guard(
            what,
            Publishers.first(
                connections.updateOne(eq("_id", connection.value()), Updates.combine(changes))))
        .thenApply(r -> null);
  }
}
