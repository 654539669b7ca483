package bd.com.getit.realtime.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.core.testing.CapturingFanout;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.port.out.OutboundEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class OutboundFanoutTest {
  private final CapturingFanout routing = new CapturingFanout();
  private final List<Event> out = new CopyOnWriteArrayList<>();
  private final Fanout fanout = OutboundFanout.of(routing, out::add);

  private static Event event(String name, String channel) {
    return new Event(
        EventId.of("e-" + name),
        name,
        ChannelName.parse(channel),
        JsonValue.JsonObject.EMPTY,
        Instant.EPOCH,
        Priority.MEDIUM,
        Duration.ZERO,
        List.of(),
        false);
  }

  @Test
  void withoutOutboundEventsTheRoutingIsUsedAsItIs() {
    assertThat(OutboundFanout.of(routing, OutboundEvents.NONE)).isSameAs(routing);
  }

  @Test
  void routedChatMessagesAndNotificationsGoOutAfterRouting() {
    Event message = event("message", "chat:r1");
    Event notification = event("notification", "user:u1");
    fanout.publish(message, Optional.empty());
    fanout.publish(notification, Optional.empty());
    assertThat(routing.events()).containsExactly(message, notification);
    assertThat(out).containsExactly(message, notification);
  }

  @Test
  void otherEventsOnlyRoute() {
    fanout.publish(event("product_price_change", "product:1"), Optional.empty());
    fanout.publish(event("typing", "chat:r1"), Optional.empty());
    assertThat(routing.events()).hasSize(2);
    assertThat(out).isEmpty();
  }

  @Test
  void aPresenceChangeGoesOutOnceFromItsAdminCopy() {
    fanout.publish(event("presence_update", "chat:r1"), Optional.empty());
    fanout.publish(event("presence_update", "chat:r2"), Optional.empty());
    Event truth = event("presence_update", "admin:presence");
    fanout.publish(truth, Optional.empty());
    assertThat(out).containsExactly(truth);
  }

  @Test
  void anEventThatFailedToRouteDoesNotGoOut() {
    routing.failWith(new IllegalStateException("bus down"));
    assertThat(fanout.publish(event("message", "chat:r1"), Optional.empty()))
        .failsWithin(Duration.ofSeconds(1));
    assertThat(out).isEmpty();
  }

  @Test
  void aStatusPushGoesOutAndAFailingTransportIsContained() {
    Event status = event("notification_status", "user:u1");
    fanout.publish(status, Optional.empty());
    assertThat(out).containsExactly(status);

    Fanout failing =
        OutboundFanout.of(
            routing,
            e -> {
              throw new IllegalStateException("broken");
            });
    assertThat(failing.publish(status, Optional.empty())).succeedsWithin(Duration.ofSeconds(1));
    assertThat(failing.publish(event("message", "chat:r1"), Optional.empty()))
        .succeedsWithin(Duration.ofSeconds(1));
  }
}
