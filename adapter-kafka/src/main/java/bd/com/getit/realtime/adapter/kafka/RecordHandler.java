package bd.com.getit.realtime.adapter.kafka;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one record: a readable envelope goes to the ingest use case; a malformed one, or one the
 * core refuses for its content, goes to the dead-letter topic. The returned stage completes when
 * the record has been handled either way, and fails only for a transient fault (a store or the
 * dead-letter topic unreachable), which the consumer retries. Thread-safe.
 */
final class RecordHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RecordHandler.class);

  /** Who the core sees publishing: a trusted service, as other services are. */
  static final Caller CALLER =
      Caller.of(Principal.of(UserId.of("service:kafka"), Set.of(Role.SERVICE)));

  /** Refusals that a retry cannot change: the record's content is at fault. */
  private static final Set<ErrorCode> PERMANENT =
      Set.of(
          ErrorCode.PAYLOAD_INVALID,
          ErrorCode.PAYLOAD_TOO_LARGE,
          ErrorCode.CHANNEL_INVALID,
          ErrorCode.CHANNEL_UNKNOWN,
          ErrorCode.FORBIDDEN,
          ErrorCode.NOT_FOUND,
          ErrorCode.CONFLICT);

  private final EventIngestUseCase ingest;
  private final EnvelopeReader reader;
  private final DeadLetters deadLetters;

  RecordHandler(EventIngestUseCase ingest, EnvelopeReader reader, DeadLetters deadLetters) {
    this.ingest = Objects.requireNonNull(ingest, "ingest");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
  }

  CompletionStage<Void> handle(ConsumerRecord<byte[], byte[]> record) {
    EnvelopeReader.Read read = reader.read(record.value());
    if (read instanceof EnvelopeReader.Malformed m) {
      return deadLetter(record, m.reason(), m.detail());
    }
    EnvelopeReader.Envelope envelope = (EnvelopeReader.Envelope) read;
    CompletionStage<EventIngestUseCase.Ingested> ingested;
    try {
      ingested = ingest.ingest(new EventIngestUseCase.IngestCommand(CALLER, envelope.json()));
    } catch (RuntimeException e) {
      ingested = CompletableFuture.failedFuture(e);
    }
    return ingested
        .thenApply(done -> (Void) null)
        .exceptionallyCompose(
            failure -> {
              Throwable cause = unwrap(failure);
              if (isPermanent(cause)) {
                String code =
                    cause instanceof RealtimeException r ? r.code().name() : "PAYLOAD_INVALID";
                return deadLetter(record, code, String.valueOf(cause.getMessage()));
              }
              LOG.warn(
                  "event at {}-{}@{} not handled, will retry: {}",
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  cause.toString());
              return CompletableFuture.failedFuture(cause);
            });
  }

  /**
   * A refusal of the content. An {@link IllegalArgumentException} is one too: the domain's records
   * reject bad values with it, and retrying a record that always fails would stall its partition.
   */
  static boolean isPermanent(Throwable cause) {
    if (cause instanceof RealtimeException r) {
      return PERMANENT.contains(r.code());
    }
    return cause instanceof IllegalArgumentException;
  }

  private CompletionStage<Void> deadLetter(
      ConsumerRecord<byte[], byte[]> record, String reason, String detail) {
    LOG.warn(
        "malformed event at {}-{}@{} sent to the dead-letter topic: {} {}",
        record.topic(),
        record.partition(),
        record.offset(),
        reason,
        detail);
    return deadLetters.send(record, reason, detail);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while (c instanceof CompletionException && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
