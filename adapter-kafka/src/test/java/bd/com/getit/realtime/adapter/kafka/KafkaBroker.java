package bd.com.getit.realtime.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One combined KRaft node in the test JVM on a free loopback port, shared by the test classes, and
 * helpers to talk to it; tests isolate themselves with fresh topics and groups.
 */
final class KafkaBroker implements AutoCloseable {
  private final KafkaClusterTestKit cluster;
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;

  private KafkaBroker() throws Exception {
    cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("auto.create.topics.enable", "false")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
    producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer());
  }

  private static KafkaBroker shared;

  /** The broker every test class of this JVM shares, started on first use (about 4 s). */
  static synchronized KafkaBroker shared() throws Exception {
    if (shared == null) {
      KafkaBroker broker = new KafkaBroker();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      broker.close();
                    } catch (Exception ignored) {
                      // the JVM is going away
                    }
                  }));
      shared = broker;
    }
    return shared;
  }

  String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** A new topic with a unique name. */
  String topic(String prefix, int partitions) throws Exception {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    return name;
  }

  void send(String topic, int partition, String key, String value) throws Exception {
    send(topic, partition, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  void send(String topic, int partition, String key, byte[] value) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                topic, partition, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value))
        .get();
  }

  /** The group's committed offset of a partition; -1 when none. */
  long committed(String group, TopicPartition tp) throws Exception {
    OffsetAndMetadata o =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(tp);
    return o == null ? -1 : o.offset();
  }

  int members(String group) throws Exception {
    return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
  }

  /** Reads a topic from its start until {@code count} records arrived (or 10 s passed). */
  List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int count) {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      c.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (out.size() < count && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    producer.close();
    admin.close();
    cluster.close();
  }
}
