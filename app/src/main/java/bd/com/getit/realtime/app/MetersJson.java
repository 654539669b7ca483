package bd.com.getit.realtime.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * This node's {@code realtime.*} meters as one JSON document, whatever meters the server registers:
 * gauges and counters with their tags, and timers and summaries with their cumulative histogram
 * buckets, so a reader can compute percentiles over the last seconds by difference instead of since
 * start. Read when asked; the hot path pays nothing.
 */
final class MetersJson {
  private static final String PREFIX = "realtime.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MeterRegistry registry;
  private final String nodeId;

  MetersJson(MeterRegistry registry, String nodeId) {
    this.registry = registry;
    this.nodeId = nodeId;
  }

  /** {@code { node_id, time, meters: [ { name, type, unit, tags, ... } ] }}, sorted by name. */
  ObjectNode snapshot() {
    ObjectNode root = JSON.createObjectNode();
    root.put("node_id", nodeId);
    root.put("time", Instant.now().toString());
    ArrayNode meters = root.putArray("meters");
    registry.getMeters().stream()
        .filter(m -> m.getId().getName().startsWith(PREFIX))
        .sorted(Comparator.comparing((Meter m) -> m.getId().getName()))
        .forEach(m -> meters.add(describe(m)));
    return root;
  }

  private static ObjectNode describe(Meter meter) {
    ObjectNode node = JSON.createObjectNode();
    Meter.Id id = meter.getId();
    node.put("name", id.getName());
    node.put("type", id.getType().name().toLowerCase(Locale.ROOT));
    if (id.getBaseUnit() != null) {
      node.put("unit", id.getBaseUnit());
    }
    ObjectNode tags = node.putObject("tags");
    for (Tag tag : id.getTagsAsIterable()) {
      if (!"application".equals(tag.getKey())) {
        tags.put(tag.getKey(), tag.getValue());
      }
    }
    if (meter instanceof Timer timer) {
      node.put("unit", "seconds");
      histogram(node, timer.takeSnapshot(), TimeUnit.SECONDS);
    } else if (meter instanceof DistributionSummary summary) {
      histogram(node, summary.takeSnapshot(), null);
    } else if (meter instanceof FunctionTimer timer) {
      node.put("unit", "seconds");
      number(node, "count", timer.count());
      number(node, "total", timer.totalTime(TimeUnit.SECONDS));
    } else {
      // gauges and counters: one VALUE or COUNT; anything else keeps its statistics' names
      for (Measurement m : meter.measure()) {
        String key =
            switch (m.getStatistic()) {
              case VALUE, COUNT, TOTAL -> "value";
              default -> m.getStatistic().name().toLowerCase(Locale.ROOT);
            };
        number(node, key, m.getValue());
      }
    }
    return node;
  }

  /** Count, total, max, the configured percentiles and the cumulative buckets {@code [le, n]}. */
  private static void histogram(ObjectNode node, HistogramSnapshot s, TimeUnit unit) {
    number(node, "count", s.count());
    number(node, "total", unit == null ? s.total() : s.total(unit));
    number(node, "max", unit == null ? s.max() : s.max(unit));
    ObjectNode percentiles = node.putObject("percentiles");
    for (ValueAtPercentile p : s.percentileValues()) {
      number(
          percentiles, Double.toString(p.percentile()), unit == null ? p.value() : p.value(unit));
    }
    ArrayNode buckets = node.putArray("buckets");
    for (CountAtBucket b : s.histogramCounts()) {
      ArrayNode pair = buckets.addArray();
      double le = unit == null ? b.bucket() : b.bucket(unit);
      if (Double.isFinite(le)) {
        pair.add(le);
      } else {
        pair.addNull();
      }
      pair.add(b.count());
    }
  }

  /** JSON has no NaN or infinity: a gauge whose object is gone reads as null. */
  private static void number(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }
}
