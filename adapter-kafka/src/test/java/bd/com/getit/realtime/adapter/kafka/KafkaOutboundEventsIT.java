package bd.com.getit.realtime.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.testsupport.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The outbound producer against a real KRaft broker started in this JVM. */
class KafkaOutboundEventsIT {

  @Test
  void outboundEventsReachTheirTopicsInOrder() throws Exception {
    EmbeddedKafka broker = EmbeddedKafka.shared();
    String chat = broker.topic("chat", 3);
    String presence = broker.topic("presence", 1);
    KafkaOutboundOptions options =
        new KafkaOutboundOptions(
            broker.bootstrapServers(),
            Map.of("message", chat, "presence_update", presence),
            100,
            Map.of());
    try (KafkaOutboundEvents out = KafkaOutboundEvents.start(options)) {
      for (int i = 0; i < 5; i++) {
        out.publish(KafkaOutboundEventsTest.event("message", "chat:room-" + (i % 2)));
      }
      out.publish(KafkaOutboundEventsTest.event("presence_update", "admin:presence"));
      out.publish(KafkaOutboundEventsTest.event("product_price_change", "product:1"));
    }
    List<ConsumerRecord<byte[], byte[]>> messages = broker.readAll(chat, 5);
    assertThat(messages).hasSize(5);
    assertThat(messages)
        .allSatisfy(
            r ->
                assertThat(new String(r.value(), StandardCharsets.UTF_8))
                    .startsWith("{\"id\":\"e-1\",\"event\":\"message\""));
    // A channel's events share a key, hence a partition.
    assertThat(
            messages.stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("chat:room-0"))
                .map(ConsumerRecord::partition)
                .distinct())
        .hasSize(1);
    assertThat(broker.readAll(presence, 1)).hasSize(1);
  }
}
