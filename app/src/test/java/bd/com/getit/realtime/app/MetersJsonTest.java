package bd.com.getit.realtime.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetersJsonTest {
  // the server's own registry kind: its histograms are what the dashboard reads
  private final MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MetersJson json = new MetersJson(registry, "n1");

  @Test
  void listsOnlyTheServersMetersSortedWithTheirTags() {
    Counter.builder("realtime.refusals")
        .tag("code", "RATE_LIMITED")
        .register(registry)
        .increment(3);
    Counter.builder("jvm.other").register(registry).increment();
    Gauge.builder("realtime.sockets", () -> 7).register(registry);

    JsonNode root = json.snapshot();

    assertThat(root.get("node_id").asText()).isEqualTo("n1");
    JsonNode meters = root.get("meters");
    assertThat(meters).hasSize(2);
    assertThat(meters.get(0).get("name").asText()).isEqualTo("realtime.refusals");
    assertThat(meters.get(0).get("type").asText()).isEqualTo("counter");
    assertThat(meters.get(0).get("tags").get("code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(meters.get(0).get("value").asDouble()).isEqualTo(3.0);
    assertThat(meters.get(1).get("name").asText()).isEqualTo("realtime.sockets");
    assertThat(meters.get(1).get("value").asDouble()).isEqualTo(7.0);
  }

  @Test
  void givesATimersCumulativeBucketsInSeconds() {
    Timer timer =
        Timer.builder("realtime.delivery.latency")
            .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(10))
            .register(registry);
    timer.record(Duration.ofNanos(500_000));
    timer.record(Duration.ofMillis(5));
    timer.record(Duration.ofMillis(50));

    JsonNode meter = json.snapshot().get("meters").get(0);

    assertThat(meter.get("type").asText()).isEqualTo("timer");
    assertThat(meter.get("unit").asText()).isEqualTo("seconds");
    assertThat(meter.get("count").asLong()).isEqualTo(3);
    assertThat(meter.get("total").asDouble())
        .isEqualTo(0.0555, org.assertj.core.data.Offset.offset(1e-9));
    // cumulative, as the page's percentile arithmetic expects: 1 event <= 1 ms, 2 <= 10 ms
    JsonNode buckets = meter.get("buckets");
    assertThat(buckets.get(0).get(0).asDouble()).isEqualTo(0.001);
    assertThat(buckets.get(0).get(1).asDouble()).isEqualTo(1.0);
    assertThat(buckets.get(1).get(0).asDouble()).isEqualTo(0.01);
    assertThat(buckets.get(1).get(1).asDouble()).isEqualTo(2.0);
  }

  @Test
  void writesAGaugeWhoseObjectIsGoneAsNull() {
    Gauge.builder("realtime.gone", () -> Double.NaN).register(registry);

    JsonNode meter = json.snapshot().get("meters").get(0);

    assertThat(meter.get("value").isNull()).isTrue();
  }
}
