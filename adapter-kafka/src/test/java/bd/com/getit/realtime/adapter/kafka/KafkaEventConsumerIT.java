package bd.com.getit.realtime.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.testsupport.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The consumer against a real KRaft broker started in this JVM. */
class KafkaEventConsumerIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static EmbeddedKafka broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedKafka.shared();
  }

  private static String event(long n) {
    return "{\"event\":\"product_price_change\",\"channel\":\"product:1\",\"n\":" + n + "}";
  }

  private static KafkaIngestOptions.Builder options(String topic, String dlq, String group) {
    return KafkaIngestOptions.builder(broker.bootstrapServers())
        .groupId(group)
        .topics(List.of(topic))
        .deadLetterTopic(dlq)
        .pollTimeout(Duration.ofMillis(100))
        .retryBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
  }

  private static String group() {
    return "g-" + UUID.randomUUID();
  }

  private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> r) {
    Map<String, String> h = new HashMap<>();
    for (Header header : r.headers()) {
      h.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return h;
  }

  @Test
  void eventsReachTheCoreInPartitionOrderAndTheirOffsetsAreCommitted() throws Exception {
    String topic = broker.topic("events", 2);
    String group = group();
    RecordingIngest ingest = new RecordingIngest();
    try (KafkaEventConsumer consumer =
        KafkaEventConsumer.start(options(topic, broker.topic("dlq", 1), group).build(), ingest)) {
      for (int n = 0; n < 10; n++) {
        broker.send(topic, n % 2, "k", event(n));
      }
      await().atMost(WAIT).until(() -> ingest.accepted.size() == 10);
      List<Long> even = ingest.numbers().stream().filter(n -> n % 2 == 0).toList();
      List<Long> odd = ingest.numbers().stream().filter(n -> n % 2 == 1).toList();
      assertThat(even).containsExactly(0L, 2L, 4L, 6L, 8L);
      assertThat(odd).containsExactly(1L, 3L, 5L, 7L, 9L);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(broker.committed(group, new TopicPartition(topic, 0))).isEqualTo(5);
                assertThat(broker.committed(group, new TopicPartition(topic, 1))).isEqualTo(5);
              });
      assertThat(consumer.isRunning()).isTrue();
    }
  }

  @Test
  void malformedRecordsGoToTheDeadLetterTopicAndTheNextRecordIsHandled() throws Exception {
    String topic = broker.topic("events", 1);
    String dlq = broker.topic("dlq", 1);
    String group = group();
    RecordingIngest ingest = new RecordingIngest();
    try (KafkaEventConsumer consumer =
        KafkaEventConsumer.start(options(topic, dlq, group).maxRecordBytes(200).build(), ingest)) {
      broker.send(topic, 0, "k0", "price went up");
      broker.send(topic, 0, "k1", "[1,2,3]");
      broker.send(topic, 0, "k2", (byte[]) null);
      broker.send(topic, 0, "k3", "{\"event\":\"" + "x".repeat(300) + "\"}");
      broker.send(topic, 0, "k4", "{\"event\":\"x\",\"reject\":\"CHANNEL_UNKNOWN\"}");
      broker.send(topic, 0, "k5", event(42));

      await().atMost(WAIT).until(() -> ingest.numbers().equals(List.of(42L)));
      List<ConsumerRecord<byte[], byte[]>> dead = broker.readAll(dlq, 5);
      assertThat(dead)
          .extracting(r -> headers(r).get(DeadLetters.REASON))
          .containsExactly("NOT_JSON", "NOT_AN_OBJECT", "EMPTY", "TOO_LARGE", "CHANNEL_UNKNOWN");
      assertThat(dead)
          .extracting(r -> headers(r).get(DeadLetters.OFFSET))
          .containsExactly("0", "1", "2", "3", "4");
      assertThat(dead).allSatisfy(r -> assertThat(headers(r)).containsEntry("dlq.topic", topic));
      assertThat(dead).allSatisfy(r -> assertThat(headers(r)).containsEntry("dlq.partition", "0"));
      assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8))
          .isEqualTo("price went up");
      assertThat(new String(dead.get(4).key(), StandardCharsets.UTF_8)).isEqualTo("k4");
      await().atMost(WAIT).until(() -> broker.committed(group, new TopicPartition(topic, 0)) == 6);
      assertThat(consumer.isRunning()).isTrue();
    }
  }

  @Test
  void aTransientFailureIsRetriedInOrderAndNothingIsDeadLettered() throws Exception {
    String topic = broker.topic("events", 1);
    String dlq = broker.topic("dlq", 1);
    RecordingIngest ingest = new RecordingIngest();
    ingest.failNext(3);
    try (KafkaEventConsumer consumer =
        KafkaEventConsumer.start(options(topic, dlq, group()).build(), ingest)) {
      broker.send(topic, 0, "k", event(1));
      broker.send(topic, 0, "k", event(2));
      await().atMost(WAIT).until(() -> ingest.accepted.size() == 2);
      assertThat(ingest.numbers()).containsExactly(1L, 2L);
      assertThat(ingest.calls.get()).isGreaterThanOrEqualTo(5);

      // A marker: the first dead letter must be this one, so nothing before it was dead-lettered.
      broker.send(topic, 0, "marker", "not json");
      List<ConsumerRecord<byte[], byte[]>> dead = broker.readAll(dlq, 1);
      assertThat(dead).hasSize(1);
      assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("marker");
    }
  }

  @Test
  void lagCountsTheRecordsWaitingWhileTheCoreIsDown() throws Exception {
    String topic = broker.topic("events", 1);
    RecordingIngest ingest = new RecordingIngest();
    ingest.down(true);
    try (KafkaEventConsumer consumer =
        KafkaEventConsumer.start(options(topic, broker.topic("dlq", 1), group()).build(), ingest)) {
      for (int n = 0; n < 3; n++) {
        broker.send(topic, 0, "k", event(n));
      }
      await().atMost(WAIT).until(() -> consumer.lag() == 3);
      assertThat(consumer.lagByPartition()).containsEntry(topic + "-0", 3L);
      assertThat(ingest.accepted).isEmpty();

      ingest.down(false);
      await().atMost(WAIT).until(() -> ingest.accepted.size() == 3);
      await().atMost(WAIT).until(() -> consumer.lag() == 0);
      assertThat(ingest.numbers()).containsExactly(0L, 1L, 2L);
    }
  }

  @Test
  void closeCommitsAndLeavesTheGroupAndTheNextConsumerResumesThere() throws Exception {
    String topic = broker.topic("events", 1);
    String dlq = broker.topic("dlq", 1);
    String group = group();
    RecordingIngest first = new RecordingIngest();
    KafkaEventConsumer consumer =
        KafkaEventConsumer.start(options(topic, dlq, group).build(), first);
    for (int n = 1; n <= 3; n++) {
      broker.send(topic, 0, "k", event(n));
    }
    await().atMost(WAIT).until(() -> first.accepted.size() == 3);
    consumer.close();
    assertThat(consumer.isRunning()).isFalse();
    assertThat(broker.committed(group, new TopicPartition(topic, 0))).isEqualTo(3);
    assertThat(broker.members(group)).isZero();

    broker.send(topic, 0, "k", event(4));
    broker.send(topic, 0, "k", event(5));
    RecordingIngest second = new RecordingIngest();
    try (KafkaEventConsumer next =
        KafkaEventConsumer.start(options(topic, dlq, group).build(), second)) {
      await().atMost(WAIT).until(() -> second.accepted.size() >= 2);
      assertThat(second.numbers()).containsExactly(4L, 5L);
    }
  }

  @Test
  void aRebalanceLosesNoEvent() throws Exception {
    String topic = broker.topic("events", 4);
    String dlq = broker.topic("dlq", 1);
    String group = group();
    RecordingIngest ingest = new RecordingIngest(); // both nodes feed one cluster
    List<Long> sent = new ArrayList<>();
    KafkaEventConsumer a = KafkaEventConsumer.start(options(topic, dlq, group).build(), ingest);
    try {
      for (long n = 0; n < 20; n++) {
        broker.send(topic, (int) (n % 4), "k", event(n));
        sent.add(n);
      }
      try (KafkaEventConsumer b =
          KafkaEventConsumer.start(options(topic, dlq, group).build(), ingest)) {
        for (long n = 20; n < 40; n++) {
          broker.send(topic, (int) (n % 4), "k", event(n));
          sent.add(n);
        }
        await().atMost(WAIT).until(() -> broker.members(group) == 2);
        a.close();
        for (long n = 40; n < 60; n++) {
          broker.send(topic, (int) (n % 4), "k", event(n));
          sent.add(n);
        }
        await().atMost(WAIT).until(() -> new HashSet<>(ingest.numbers()).containsAll(sent));
        assertThat(b.isRunning()).isTrue();
      }
    } finally {
      a.close();
    }
    Set<Long> distinct = new HashSet<>(ingest.numbers());
    assertThat(distinct).hasSize(60);
  }
}
