package bd.com.getit.realtime.examples.orders;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import bd.com.getit.realtime.port.in.EventIngestUseCase.IngestCommand;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * The embedding service's own domain logic, reduced to what concerns realtime: when an order
 * changes status, the customer hears of it. It publishes through the core's {@link
 * EventIngestUseCase}, in-process, as a service would over REST or Kafka: an {@code
 * order_status_update} goes to the order's channel and to the customer's own channel, is queued for
 * the customer while offline, and is written to the event log.
 */
public final class OrderService {
  /** Who publishes: this service, trusted as a service by the core. */
  private static final Caller SELF =
      Caller.of(Principal.of(UserId.of("order-service"), Set.of(Role.SERVICE)));

  private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern STATUS = Pattern.compile("[a-z][a-z_]{0,31}");

  private final EventIngestUseCase events;

  public OrderService(EventIngestUseCase events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * Records that {@code order} of {@code customer} is now {@code status} and tells the customer.
   * Completes with the event's id once routed; the same change published twice (a retry) is routed
   * once, because its id is derived from the change.
   *
   * @throws IllegalArgumentException for an order id the channel name cannot hold, or a status that
   *     is not a lower-case word
   */
  public CompletionStage<EventId> changeStatus(String order, UserId customer, String status) {
    Objects.requireNonNull(customer, "customer");
    if (order == null || !ORDER_ID.matcher(order).matches()) {
      throw new IllegalArgumentException("order id must match " + ORDER_ID + ": " + order);
    }
    if (status == null || !STATUS.matcher(status).matches()) {
      throw new IllegalArgumentException("status must match " + STATUS + ": " + status);
    }
    JsonObject envelope =
        JsonObject.builder()
            .put("id", "order-" + order + "-" + status)
            .put("event", "order_status_update")
            .put(
                "data",
                JsonObject.builder()
                    .put("order_id", order)
                    .put("customer_id", customer.value())
                    .put("status", status)
                    .build())
            .put("priority", "high")
            .put("persist", true)
            .build();
    return events
        .ingest(new IngestCommand(SELF, envelope))
        .thenApply(EventIngestUseCase.Ingested::id);
  }
}
