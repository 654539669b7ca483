package bd.com.getit.realtime.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaIT {

  @Test
  void recordsSentToAFreshTopicAreReadBackInOrder() throws Exception {
    EmbeddedKafka kafka = EmbeddedKafka.shared();
    String topic = kafka.topic("orders");
    assertThat(topic).startsWith("orders-");

    kafka.send(topic, "o1", "first");
    kafka.send(topic, 0, "o1", "second".getBytes(StandardCharsets.UTF_8));

    assertThat(kafka.readAllAsText(topic, 2))
        .extracting(ConsumerRecord::key, ConsumerRecord::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("o1", "first"),
            org.assertj.core.groups.Tuple.tuple("o1", "second"));
    assertThat(kafka.readAll(topic, 2)).hasSize(2);
    assertThat(kafka.committed("nobody", topic)).isEqualTo(-1);
  }

  @Test
  void badArgumentsAndClosingTheSharedBrokerAreRefused() throws Exception {
    EmbeddedKafka kafka = EmbeddedKafka.shared();
    assertThatThrownBy(() -> kafka.topic("t", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(kafka::close).isInstanceOf(IllegalStateException.class);
  }
}
