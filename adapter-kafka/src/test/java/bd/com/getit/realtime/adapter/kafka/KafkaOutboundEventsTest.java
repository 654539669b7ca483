package bd.com.getit.realtime.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Priority;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaOutboundEventsTest {
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

  static Event event(String name, String channel) {
    return new Event(
        EventId.of("e-1"),
        name,
        ChannelName.parse(channel),
        JsonValue.JsonObject.builder().put("message", "hello").build(),
        Instant.parse("2026-01-02T03:04:05Z"),
        Priority.MEDIUM,
        Duration.ZERO,
        List.of(),
        false);
  }

  @Test
  void anOutboundEventIsSentAsItsEnvelopeKeyedByChannel() {
    try (KafkaOutboundEvents out =
        new KafkaOutboundEvents(KafkaOutboundOptions.defaults("unused:9092"), producer)) {
      out.publish(event("message", "chat:r1"));
      await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 1);
    }
    var record = producer.history().get(0);
    assertThat(record.topic()).isEqualTo("realtime-chat-messages");
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("chat:r1");
    assertThat(new String(record.value(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"id\":\"e-1\",\"event\":\"message\",\"channel\":\"chat:r1\","
                + "\"data\":{\"message\":\"hello\"},\"timestamp\":\"2026-01-02T03:04:05Z\","
                + "\"priority\":\"medium\"}");
  }

  @Test
  void eventsWithoutATopicAreNotSent() {
    KafkaOutboundOptions onlyChat =
        new KafkaOutboundOptions("unused:9092", Map.of("message", "chat"), 10, Map.of());
    try (KafkaOutboundEvents out = new KafkaOutboundEvents(onlyChat, producer)) {
      out.publish(event("presence_update", "admin:presence"));
      out.publish(event("message", "chat:r1"));
    }
    assertThat(producer.history()).extracting(r -> r.topic()).containsExactly("chat");
  }

  @Test
  void aFullBufferDropsAndCountsInsteadOfBlocking() {
    MockProducer<byte[], byte[]> stuck =
        new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()) {
          @Override
          public synchronized java.util.concurrent.Future<
                  org.apache.kafka.clients.producer.RecordMetadata>
              send(
                  org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> record,
                  org.apache.kafka.clients.producer.Callback callback) {
            try {
              Thread.sleep(50); // a slow broker: the sender falls behind
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.send(record, callback);
          }
        };
    KafkaOutboundOptions small =
        new KafkaOutboundOptions("unused:9092", KafkaOutboundOptions.DEFAULT_TOPICS, 2, Map.of());
    try (KafkaOutboundEvents out = new KafkaOutboundEvents(small, stuck)) {
      for (int i = 0; i < 50; i++) {
        out.publish(event("message", "chat:r1"));
      }
      assertThat(out.dropped()).isPositive();
    }
  }
}
