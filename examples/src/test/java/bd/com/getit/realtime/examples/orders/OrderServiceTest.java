package bd.com.getit.realtime.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import bd.com.getit.realtime.port.in.EventIngestUseCase.IngestCommand;
import bd.com.getit.realtime.port.in.EventIngestUseCase.Ingested;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OrderServiceTest {
  private final List<IngestCommand> published = new ArrayList<>();
  private final EventIngestUseCase ingest =
      command -> {
        published.add(command);
        String id = command.envelope().text("id").orElseThrow();
        return CompletableFuture.completedFuture(new Ingested(EventId.of(id), false));
      };
  private final OrderService orders = new OrderService(ingest);

  @Test
  void publishesAnOrderStatusUpdateAsAServiceWithAnIdPerChange() {
    EventId id =
        orders.changeStatus("o77", UserId.of("u1"), "shipped").toCompletableFuture().join();

    assertThat(id).isEqualTo(EventId.of("order-o77-shipped"));
    IngestCommand command = published.get(0);
    assertThat(command.caller().principal().has(Role.SERVICE)).isTrue();
    JsonObject envelope = command.envelope();
    assertThat(envelope.text("event")).contains("order_status_update");
    JsonObject data = envelope.object("data").orElseThrow();
    assertThat(data.text("order_id")).contains("o77");
    assertThat(data.text("customer_id")).contains("u1");
    assertThat(data.text("status")).contains("shipped");
  }

  @Test
  void refusesAnOrderIdOrStatusTheEventCannotCarry() {
    assertThatThrownBy(() -> orders.changeStatus("o 77", UserId.of("u1"), "shipped"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("order id");
    assertThatThrownBy(() -> orders.changeStatus("o77", UserId.of("u1"), "Shipped!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
    assertThat(published).isEmpty();
  }
}
