package bd.com.getit.realtime.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.presence.Presence;
import bd.com.getit.realtime.port.out.PresenceArchive;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bson.Document;

/**
 * The last known presence per user in {@code user_presence}, one document per user ({@code _id} is
 * the user id). Thread-safe; returns at once, completes on a driver thread. A save replaces the
 * document only if it is not older ({@code updated_at <= at}); otherwise the upsert collides with
 * the existing {@code _id} and the save is dropped. A collision between two first saves of a user
 * is retried once, so the newer still wins.
 */
public final class MongoPresenceArchive implements PresenceArchive {
  static final String PRESENCE = "user_presence";

  private static final int ATTEMPTS = 2;

  private final MongoCollection<Document> presence;
  private final DocumentMapper mapper = DocumentMapper.INSTANCE;

  MongoPresenceArchive(MongoCollection<Document> presence) {
    this.presence = Objects.requireNonNull(presence, "presence");
  }

  @Override
  public CompletionStage<Void> save(Presence latest, Instant at) {
    Objects.requireNonNull(latest, "presence");
    Objects.requireNonNull(at, "at");
    Document document = mapper.toDocument(latest, at).toBson();
    CompletableFuture<Void> saved = new CompletableFuture<>();
    replace(latest.user(), at, document, ATTEMPTS, saved);
    return saved;
  }

  private void replace(
      UserId user, Instant at, Document document, int attempts, CompletableFuture<Void> saved) {
    Publishers.first(
            presence.replaceOne(
                and(eq("_id", user.value()), lte(PresenceDocument.UPDATED_AT, Date.from(at))),
                document,
                new ReplaceOptions().upsert(true)))
        .whenComplete(
            (r, e) -> {
              if (e == null) {
                saved.complete(null);
              } else if (!MongoChatRepository.isDuplicate(e)) {
                saved.completeExceptionally(Reads.failure("saving the presence of " + user, e));
              } else if (attempts > 1) {
                replace(user, at, document, attempts - 1, saved); // raced a first save
              } else {
                saved.complete(null); // a newer presence is kept
              }
            });
  }

  @Override
  public CompletionStage<Optional<Presence>> find(UserId user) {
    Objects.requireNonNull(user, "user");
    return Reads.guard(
            "finding the presence of " + user,
            Publishers.first(presence.find(eq("_id", user.value())).limit(1)))
        .thenApply(
            found ->
                found.flatMap(
                    d ->
                        Reads.decode(
                            PRESENCE, d, x -> mapper.toDomain(PresenceDocument.fromBson(x)))));
  }
}
