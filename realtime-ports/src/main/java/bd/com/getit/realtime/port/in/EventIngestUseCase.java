package bd.com.getit.realtime.port.in;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Events from other services (Kafka, the REST publish API): the envelope of PROTOCOL section 8,
 * validated, its channel derived where absent, de-duplicated by id, then routed.
 */
public interface EventIngestUseCase {

  /**
   * Completes with the event's id once it has been handed to routing (and queued for offline
   * recipients where it must be); a duplicate id completes with the same id and routes nothing.
   */
  CompletionStage<Ingested> ingest(IngestCommand command);

  record IngestCommand(Caller caller, JsonValue.JsonObject envelope) {
    public IngestCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(envelope, "envelope");
    }
  }

  /**
   * @param duplicate whether the id had been seen within the de-duplication window
   */
  record Ingested(EventId id, boolean duplicate) {
    public Ingested {
      Objects.requireNonNull(id, "id");
    }
  }
}
