package bd.com.getit.realtime.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.adapter.kafka.KafkaIngestOptions;
import bd.com.getit.realtime.adapter.kafka.KafkaOutboundOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {
  private static final String SERVERS = "REALTIME_KAFKA_BOOTSTRAP_SERVERS";

  private static KafkaSettings kafka(Map<String, String> vars) {
    return AppConfig.from(vars).kafka().orElseThrow();
  }

  @Test
  void withoutBootstrapServersNoConsumerRuns() {
    assertThat(AppConfig.from(Map.of()).kafka()).isEmpty();
    assertThat(AppConfig.from(Map.of(SERVERS, "  ")).kafka()).isEmpty();
  }

  @Test
  void defaultsReadTheDocumentedTopicsWithOutboundEventsOff() {
    KafkaSettings k = kafka(Map.of(SERVERS, "k1:9092,k2:9092"));
    assertThat(k.topics()).isEqualTo(KafkaIngestOptions.DEFAULT_TOPICS);
    assertThat(k.groupId()).isEqualTo("realtime");
    assertThat(k.deadLetterTopic()).isEqualTo("realtime-dead-letters");
    assertThat(k.maxRecordBytes()).isEqualTo(1_000_000);
    assertThat(k.outboundOptions()).isEmpty();
    assertThat(k.dedupWindow()).isEqualTo(java.time.Duration.ofMinutes(10));
    KafkaIngestOptions options = k.ingestOptions();
    assertThat(options.bootstrapServers()).isEqualTo("k1:9092,k2:9092");
    assertThat(options.maxRecordBytes()).isEqualTo(1_000_000);
  }

  @Test
  void everyNameIsConfigurable() {
    Map<String, String> vars = new HashMap<>();
    vars.put(SERVERS, "k:9092");
    vars.put("REALTIME_KAFKA_TOPICS", "a, b");
    vars.put("REALTIME_KAFKA_GROUP_ID", "rt-eu");
    vars.put("REALTIME_KAFKA_DEAD_LETTER_TOPIC", "bad");
    vars.put("REALTIME_KAFKA_MAX_RECORD_BYTES", "2048");
    vars.put("REALTIME_KAFKA_OUTBOUND_ENABLED", "true");
    vars.put("REALTIME_KAFKA_OUTBOUND_TOPICS", "message=chat-out");
    vars.put("REALTIME_KAFKA_DEDUP_WINDOW_SECONDS", "3600");
    KafkaSettings k = kafka(vars);
    assertThat(k.dedupWindow()).isEqualTo(java.time.Duration.ofHours(1));
    assertThat(k.ingestOptions().topics()).isEqualTo(List.of("a", "b"));
    assertThat(k.ingestOptions().groupId()).isEqualTo("rt-eu");
    assertThat(k.ingestOptions().deadLetterTopic()).isEqualTo("bad");
    assertThat(k.ingestOptions().maxRecordBytes()).isEqualTo(2048);
    KafkaOutboundOptions out = k.outboundOptions().orElseThrow();
    assertThat(out.topics())
        .containsEntry("message", "chat-out")
        .containsEntry("presence_update", "realtime-presence")
        .hasSize(4);
  }

  @Test
  void badValuesNameTheirVariable() {
    assertThatThrownBy(
            () ->
                kafka(
                    Map.of(
                        SERVERS,
                        "k:9092",
                        "REALTIME_KAFKA_TOPICS",
                        "a,b",
                        "REALTIME_KAFKA_DEAD_LETTER_TOPIC",
                        "b")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REALTIME_KAFKA_DEAD_LETTER_TOPIC:");
    assertThatThrownBy(
            () -> kafka(Map.of(SERVERS, "k:9092", "REALTIME_KAFKA_MAX_RECORD_BYTES", "big")))
        .hasMessageStartingWith("REALTIME_KAFKA_MAX_RECORD_BYTES:");
    assertThatThrownBy(
            () ->
                kafka(
                    Map.of(
                        SERVERS,
                        "k:9092",
                        "REALTIME_KAFKA_OUTBOUND_ENABLED",
                        "true",
                        "REALTIME_KAFKA_OUTBOUND_TOPICS",
                        "typing=t")))
        .hasMessageStartingWith("REALTIME_KAFKA_OUTBOUND_TOPICS: unknown event 'typing'");
    assertThatThrownBy(
            () ->
                kafka(
                    Map.of(
                        SERVERS,
                        "k:9092",
                        "REALTIME_KAFKA_OUTBOUND_ENABLED",
                        "true",
                        "REALTIME_KAFKA_OUTBOUND_TOPICS",
                        "message")))
        .hasMessageStartingWith("REALTIME_KAFKA_OUTBOUND_TOPICS: expected event=topic");
  }

  @Test
  void brokersTheClientRefusesFailTheStartNamingTheVariable() {
    KafkaSettings k = kafka(Map.of(SERVERS, "no-port-here"));
    assertThatThrownBy(() -> k.startConsumer(command -> null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REALTIME_KAFKA_BOOTSTRAP_SERVERS:");
  }
}
