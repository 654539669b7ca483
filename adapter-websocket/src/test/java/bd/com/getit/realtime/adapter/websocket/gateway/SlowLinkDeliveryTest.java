package bd.com.getit.realtime.adapter.websocket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.adapter.websocket.engineio.LinkClass;
import bd.com.getit.realtime.adapter.websocket.engineio.ManualScheduler;
import bd.com.getit.realtime.adapter.websocket.gateway.ShapingStats.Outcome;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.connection.Bandwidth;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import bd.com.getit.realtime.domain.connection.LinkShaping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Slow-link mode (PROTOCOL section 10.4) on a manual clock: batching windows, pacing, coalescing of
 * {@code low} events, priorities that overtake, and leaving the mode.
 */
class SlowLinkDeliveryTest {

  private final ManualScheduler clock = new ManualScheduler();
  private final LinkShaper shaper =
      new LinkShaper(LinkShaping.DEFAULT, new ShapingStats(), clock, clock::nanoTime);
  private final SocketIoDelivery delivery =
      new SocketIoDelivery(SocketIoDelivery.Limits.DEFAULT, shaper);
  private final ConnectionId id = ConnectionId.of("phone");
  private final FakeSioSocket phone = new FakeSioSocket("phone");

  SlowLinkDeliveryTest() {
    delivery.register(id, phone);
  }

  private static Outbound event(String name, String channel, Priority priority, String value) {
    JsonValue envelope =
        JsonValue.JsonObject.builder()
            .put("event", name)
            .put("channel", channel)
            .put("data", value)
            .put("priority", priority.wireName())
            .build();
    return new Outbound(name, envelope, priority, Optional.empty(), false);
  }

  private int deliver(Outbound outbound) {
    return delivery.deliver(List.of(id), outbound);
  }

  private void report(Bandwidth bandwidth) {
    delivery.adapt(id, new ConnectionQuality(bandwidth, 0, 0));
  }

  /** The {@code data} values sent so far, in order. */
  private List<String> sent() {
    return phone.encoded.stream()
        .map(packet -> packet.replaceAll(".*\"data\":\"([^\"]*)\".*", "$1"))
        .toList();
  }

  @Test
  void lowAndMediumEventsWaitForTheWindowAndGoOutTogether() {
    report(Bandwidth.G2);

    deliver(event("product_price_change", "product:1", Priority.LOW, "p1"));
    deliver(event("order_status_update", "user:7", Priority.MEDIUM, "o1"));
    clock.advance(Duration.ofMillis(299));
    assertThat(sent()).isEmpty();

    clock.advance(Duration.ofMillis(1));
    assertThat(sent()).containsExactly("p1", "o1");
    assertThat(shaper.stats().get(LinkClass.G2, Priority.LOW, Outcome.BATCHED)).isEqualTo(1);
  }

  @Test
  void threeGHasTheShorterWindow() {
    report(Bandwidth.G3);

    deliver(event("product_price_change", "product:1", Priority.LOW, "p1"));
    clock.advance(Duration.ofMillis(100));

    assertThat(sent()).containsExactly("p1");
  }

  @Test
  void criticalAndHighSkipTheWindowAndOvertakeHeldLowerEvents() {
    report(Bandwidth.G2);
    deliver(event("product_price_change", "product:1", Priority.LOW, "low"));
    deliver(event("order_status_update", "user:7", Priority.MEDIUM, "medium"));

    deliver(event("payment_status_update", "user:7", Priority.CRITICAL, "critical"));
    deliver(event("order_status_update", "user:7", Priority.HIGH, "high"));

    assertThat(sent()).containsExactly("critical", "high");
    clock.advance(Duration.ofMillis(300));
    assertThat(sent()).containsExactly("critical", "high", "low", "medium");
    assertThat(shaper.stats().get(LinkClass.G2, Priority.CRITICAL, Outcome.OVERTOOK)).isEqualTo(1);
  }

  @Test
  void ofHeldLowEventsWithTheSameNameAndChannelOnlyTheNewestIsKept() {
    report(Bandwidth.G2);

    deliver(event("product_price_change", "product:1", Priority.LOW, "p1-100"));
    deliver(event("product_price_change", "product:2", Priority.LOW, "p2-50"));
    deliver(event("product_price_change", "product:1", Priority.LOW, "p1-101"));
    deliver(event("product_stock_update", "product:1", Priority.LOW, "s1-3"));
    deliver(event("product_price_change", "product:1", Priority.LOW, "p1-102"));
    deliver(event("order_status_update", "product:1", Priority.MEDIUM, "m1"));
    deliver(event("order_status_update", "product:1", Priority.MEDIUM, "m2"));
    clock.advance(Duration.ofMillis(300));

    // the newest moves to the back: it never arrives before an event published ahead of it
    assertThat(sent()).containsExactly("p2-50", "s1-3", "p1-102", "m1", "m2");
    assertThat(shaper.stats().get(LinkClass.G2, Priority.LOW, Outcome.COALESCED)).isEqualTo(2);
  }

  @Test
  void heldLowEventsStayWithinTwoSecondsOfTheLinkAndHigherOnesAreNeverDropped() {
    report(Bandwidth.G2);
    String filler = "x".repeat(400);
    long budget = LinkShaping.DEFAULT.heldLowBytes(Bandwidth.G2); // 12,500 bytes on 2G

    for (int i = 0; i < 100; i++) {
      deliver(event("notification", "product:" + i, Priority.LOW, "low-" + i + filler));
      if (i % 10 == 0) {
        deliver(event("order_status_update", "user:7", Priority.MEDIUM, "medium-" + i));
        deliver(event("payment_status_update", "user:7", Priority.CRITICAL, "critical-" + i));
      }
    }

    ShapedQueue queue = queueOf();
    assertThat(queue.heldBytes()).isLessThanOrEqualTo(budget + 10 * 200);
    assertThat(shaper.stats().get(LinkClass.G2, Priority.LOW, Outcome.SHED)).isPositive();
    assertThat(sent()).filteredOn(v -> v.startsWith("critical")).hasSize(10);
    clock.advance(Duration.ofSeconds(60));
    assertThat(sent()).filteredOn(v -> v.startsWith("medium")).hasSize(10);
    assertThat(sent().stream().filter(v -> v.startsWith("low")))
        .last()
        .asString()
        .startsWith("low-99");
    assertThat(shaper.stats().get(LinkClass.G2, Priority.MEDIUM, Outcome.SHED)).isZero();
    assertThat(shaper.stats().get(LinkClass.G2, Priority.CRITICAL, Outcome.SHED)).isZero();
  }

  @Test
  void releasesArePacedToWhatTheLinkCarries() {
    report(Bandwidth.G2); // 6,250 B/s: about 1,875 bytes a 300 ms window
    String filler = "y".repeat(450);
    for (int i = 0; i < 12; i++) {
      deliver(event("order_status_update", "order:" + i, Priority.MEDIUM, "m" + i + filler));
    }

    clock.advance(Duration.ofMillis(300));
    int firstWindow = sent().size();
    clock.advance(Duration.ofMillis(300));
    int secondWindow = sent().size() - firstWindow;
    clock.advance(Duration.ofSeconds(5));

    assertThat(firstWindow).isBetween(3, 5);
    assertThat(secondWindow).isBetween(3, 5);
    assertThat(sent()).hasSize(12);
    assertThat(sent().get(11)).startsWith("m11");
  }

  @Test
  void aLinkReportedFastAgainGetsWhatWasHeldAndThenDirectDelivery() {
    report(Bandwidth.G2);
    deliver(event("product_price_change", "product:1", Priority.LOW, "held"));

    report(Bandwidth.WIFI);
    clock.advance(Duration.ZERO);
    deliver(event("product_price_change", "product:1", Priority.LOW, "direct"));

    assertThat(sent()).containsExactly("held", "direct");
    clock.advance(Duration.ofMillis(300)); // the window's own tick finds the queue left
    assertThat(clock.pending()).isZero();
    assertThat(sent()).hasSize(2);
  }

  @Test
  void aSendQueueThatStaysBackedUpEntersSlowModeAndLeavesOnceDrained() {
    phone.engine.queuedBytes = LinkShaper.BACKED_UP_BYTES;
    deliver(event("product_price_change", "product:1", Priority.LOW, "first"));
    clock.advance(Duration.ofSeconds(1));
    deliver(event("product_price_change", "product:1", Priority.LOW, "held-1"));
    deliver(event("product_price_change", "product:1", Priority.LOW, "held-2"));
    deliver(event("payment_status_update", "user:7", Priority.CRITICAL, "critical"));
    assertThat(sent()).containsExactly("first", "critical");

    clock.advance(Duration.ofMillis(100));
    assertThat(sent()).as("nothing while the queue is backed up").hasSize(2);
    phone.engine.queuedBytes = 0;
    clock.advance(Duration.ofMillis(100));
    assertThat(sent()).containsExactly("first", "critical", "held-2");
    clock.advance(Duration.ofMillis(100));
    deliver(event("product_price_change", "product:1", Priority.LOW, "direct"));

    assertThat(sent()).containsExactly("first", "critical", "held-2", "direct");
    assertThat(shaper.stats().get(LinkClass.BACKED_UP, Priority.LOW, Outcome.COALESCED))
        .isEqualTo(1);
  }

  @Test
  void aClosedSocketDropsWhatWasHeld() {
    report(Bandwidth.G2);
    deliver(event("product_price_change", "product:1", Priority.LOW, "held"));
    phone.engine.open = false;

    clock.advance(Duration.ofSeconds(1));

    assertThat(sent()).isEmpty();
    assertThat(clock.pending()).isZero();
  }

  private ShapedQueue queueOf() {
    // reach the link's queue through a delivery on a fresh offer: the queue is what holds events
    try {
      java.lang.reflect.Field links = SocketIoDelivery.class.getDeclaredField("links");
      links.setAccessible(true);
      Object link = ((java.util.Map<?, ?>) links.get(delivery)).get(id);
      java.lang.reflect.Field shaped = link.getClass().getDeclaredField("shaped");
      shaped.setAccessible(true);
      return (ShapedQueue) shaped.get(link);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
