package bd.com.getit.realtime.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryMeterTest {
  private final MutableClock clock = new MutableClock();
  private final DeliveryMeter meter = new DeliveryMeter(clock);

  @Test
  void countsTotalsAndIgnoresNothingDelivered() {
    meter.record(3);
    meter.record(0);
    meter.record(-2);
    meter.record(1);
    assertThat(meter.total()).isEqualTo(4);
  }

  @Test
  void handsEachRoutedEventsLatencyToTheObserverOnceNotPerSocket() {
    java.util.List<Long> observed = new java.util.ArrayList<>();
    meter.observeLatency(observed::add);
    meter.record(5_000, Duration.ofMillis(7)); // one fanout to 5,000 sockets
    meter.record(1, Duration.ofMillis(-3)); // clocks of two nodes apart
    meter.record(0, Duration.ofMillis(9)); // delivered to nobody here
    meter.record(2); // no latency known
    assertThat(observed).containsExactly(7_000_000L, 0L);
    assertThat(meter.total()).isEqualTo(5_003);
  }

  @Test
  void averagesOverTheLastMinute() {
    meter.record(60);
    assertThat(meter.perSecond()).isCloseTo(1.0, within(1e-9));
    clock.advance(Duration.ofSeconds(30));
    meter.record(120);
    assertThat(meter.perSecond()).isCloseTo(3.0, within(1e-9));
    clock.advance(Duration.ofSeconds(29));
    assertThat(meter.perSecond()).isCloseTo(3.0, within(1e-9));
    clock.advance(Duration.ofSeconds(1));
    assertThat(meter.perSecond()).isCloseTo(2.0, within(1e-9));
    clock.advance(Duration.ofSeconds(30));
    assertThat(meter.perSecond()).isZero();
    assertThat(meter.total()).isEqualTo(180);
  }

  @Test
  void aReusedBucketStartsFromZero() {
    meter.record(5);
    clock.advance(Duration.ofSeconds(60));
    meter.record(7);
    assertThat(meter.perSecond()).isCloseTo(7 / 60.0, within(1e-9));
  }

  @Test
  void countsWithinOneSecondAddUp() {
    meter.record(5);
    clock.advance(Duration.ofMillis(500));
    meter.record(7);
    assertThat(meter.perSecond()).isCloseTo(12 / 60.0, within(1e-9));
  }

  @Test
  void averagesLatencyPerDeliveredMessageOverTheLastMinute() {
    assertThat(meter.averageLatencyMs()).isZero();
    meter.record(1, Duration.ofMillis(10));
    meter.record(3, Duration.ofMillis(2));
    meter.record(2, Duration.ofMillis(-5));
    assertThat(meter.averageLatencyMs()).isCloseTo((10 + 3 * 2) / 6.0, within(1e-9));
    clock.advance(Duration.ofSeconds(60));
    assertThat(meter.averageLatencyMs()).isZero();
    meter.record(2, Duration.ofNanos(1_500_000));
    assertThat(meter.averageLatencyMs()).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void measuresLatencyFromThePublicationTime() {
    java.time.Instant published = clock.now();
    clock.advance(Duration.ofMillis(4));
    meter.recordPublishedAt(2, published);
    assertThat(meter.averageLatencyMs()).isCloseTo(4.0, within(1e-9));
    assertThat(meter.total()).isEqualTo(2);
  }
}
