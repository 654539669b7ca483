package bd.com.getit.realtime.core.ingest;

import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import bd.com.getit.realtime.port.out.IdGenerator;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes events from other services (services and admins only): parses the envelope, refuses names
 * the server emits itself, de-duplicates by the envelope's id within a window across the cluster,
 * then hands the event to the fanout, which can only deliver it. Thread-safe.
 */
public final class EventIngestService implements EventIngestUseCase {
  private static final System.Logger LOG = System.getLogger(EventIngestService.class.getName());
  private static final long DEDUP_WARNING_EVERY_NANOS = 10_000_000_000L;

  private final Fanout fanout;
  private final DeduplicationStore dedup;
  private final IdGenerator ids;
  private final Clock clock;
  private final Duration dedupWindow;
  private final AtomicLong lastDedupWarning =
      new AtomicLong(System.nanoTime() - DEDUP_WARNING_EVERY_NANOS - 1);

  public EventIngestService(
      Fanout fanout, DeduplicationStore dedup, IdGenerator ids, Clock clock, Duration dedupWindow) {
    this.fanout = Objects.requireNonNull(fanout, "fanout");
    this.dedup = Objects.requireNonNull(dedup, "dedup");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.dedupWindow = Objects.requireNonNull(dedupWindow, "dedupWindow");
  }

  @Override
  public CompletionStage<Ingested> ingest(IngestCommand command) {
    Objects.requireNonNull(command, "command");
    if (!command.caller().principal().isTrusted()) {
      return Stages.failed(ErrorCode.FORBIDDEN, "only services and admins publish events");
    }
    return Stages.guard(
        () -> {
          Event event = EnvelopeParser.parse(command.envelope(), ids::next, clock.now());
          if (!carriesId(command.envelope())) {
            // A fresh id cannot be a duplicate: skip the store round trip.
            return route(event);
          }
          String key = "event:" + event.id().value();
          return Stages.guard(() -> dedup.firstSeen(key, dedupWindow))
              .exceptionally(this::unknownSoFirst)
              .thenCompose(
                  first ->
                      first
                          ? releaseOnFailure(key, route(event))
                          : Stages.completed(new Ingested(event.id(), true)));
        });
  }

  /**
   * An event whose routing failed was not handled: its id is forgotten so that the sender's retry
   * (a Kafka redelivery, a REST retry) is routed instead of dropped as a duplicate.
   */
  private CompletionStage<Ingested> releaseOnFailure(String key, CompletionStage<Ingested> routed) {
    return routed.exceptionallyCompose(
        failure ->
            dedup
                .forget(key)
                .handle((v, ignored) -> null)
                .thenCompose(v -> CompletableFuture.<Ingested>failedStage(failure)));
  }

  /**
   * The store cannot tell (Redis away): the event is routed rather than refused, so that what
   * services publish during an outage still reaches its subscribers (locally at once, other nodes
   * once Redis is back); a retry of it during the outage may then be routed twice.
   */
  private boolean unknownSoFirst(Throwable failure) {
    long now = System.nanoTime();
    long last = lastDedupWarning.get();
    if (now - last > DEDUP_WARNING_EVERY_NANOS && lastDedupWarning.compareAndSet(last, now)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "de-duplication unavailable ({0}): events with ids are routed without it",
          String.valueOf(failure));
    }
    return true;
  }

  private CompletionStage<Ingested> route(Event event) {
    return fanout
        .publish(event, Optional.empty())
        .thenApply(offset -> new Ingested(event.id(), false));
  }

  private static boolean carriesId(JsonValue.JsonObject envelope) {
    return envelope.get("id").filter(v -> v instanceof JsonValue.JsonString).isPresent();
  }
}
