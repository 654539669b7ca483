package bd.com.getit.realtime.testsupport;

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
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * One combined KRaft node (broker and controller) in the test JVM on a free loopback port, and what
 * a test needs to play the other services around it: fresh topics, a producer, committed offsets, a
 * reader. Topics are never created on first use, so a test sees a missing topic as an error.
 * Thread-safe. Starting takes about 4 s: prefer {@link #shared()} and fresh topics per test.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Duration READ_FOR_AT_MOST = Duration.ofSeconds(10);
  private static EmbeddedKafka shared;

  static {
    // Kafka's test kit deletes the log directories in a JVM shutdown hook, which may run while the
    // broker still writes a checkpoint there; the broker then halts the JVM before the test runner
    // has reported, and a green run fails as a crashed fork. In a test JVM a failed log directory
    // is never a reason to halt: the tests that need the broker fail on their own.
    Exit.setHaltProcedure((status, message) -> {});
  }

  private final KafkaClusterTestKit cluster;
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;

  private EmbeddedKafka() throws Exception {
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

  /** A new broker of the caller's own, running until {@link #close()}. */
  public static EmbeddedKafka start() throws Exception {
    return new EmbeddedKafka();
  }

  /**
   * The broker every test of this JVM shares, started on first use and stopped when the JVM exits.
   * Never close it.
   */
  public static synchronized EmbeddedKafka shared() throws Exception {
    if (shared == null) {
      EmbeddedKafka kafka = new EmbeddedKafka();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      kafka.stop();
                    } catch (Exception ignored) {
                      // the JVM is going away; nothing is left to tell
                    }
                  },
                  "embedded-kafka-stop"));
      shared = kafka;
    }
    return shared;
  }

  /** The {@code bootstrap.servers} of the broker. */
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** A new one-partition topic named {@code <prefix>-<random>}. */
  public String topic(String prefix) throws Exception {
    return topic(prefix, 1);
  }

  /** A new topic named {@code <prefix>-<random>} with {@code partitions} partitions. */
  public String topic(String prefix, int partitions) throws Exception {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions >= 1");
    }
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    return name;
  }

  /** Sends a text record (the key picks the partition) and waits until it is written. */
  public void send(String topic, String key, String value) throws Exception {
    producer.send(new ProducerRecord<>(topic, bytes(key), bytes(value))).get();
  }

  /** Sends a text record to one partition; a {@code null} value is a tombstone. */
  public void send(String topic, int partition, String key, String value) throws Exception {
    send(topic, partition, key, bytes(value));
  }

  /** Sends raw bytes to one partition, as a producer with another serializer would. */
  public void send(String topic, int partition, String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(topic, partition, bytes(key), value)).get();
  }

  /** The group's committed offset on partition 0 of {@code topic}; -1 when none. */
  public long committed(String group, String topic) throws Exception {
    return committed(group, new TopicPartition(topic, 0));
  }

  /** The group's committed offset of a partition; -1 when none. */
  public long committed(String group, TopicPartition partition) throws Exception {
    OffsetAndMetadata o =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(partition);
    return o == null ? -1 : o.offset();
  }

  /** How many consumers are members of the group now. */
  public int members(String group) throws Exception {
    return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
  }

  /**
   * Reads {@code topic} from its start until {@code count} records arrived or 10 s passed, and
   * returns what arrived: the caller asserts on how many.
   */
  public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int count) {
    return readAll(topic, count, new ByteArrayDeserializer());
  }

  /** {@link #readAll(String, int)} with keys and values decoded as UTF-8. */
  public List<ConsumerRecord<String, String>> readAllAsText(String topic, int count) {
    return readAll(topic, count, new StringDeserializer());
  }

  private <T> List<ConsumerRecord<T, T>> readAll(
      String topic, int count, Deserializer<T> deserializer) {
    List<ConsumerRecord<T, T>> out = new ArrayList<>();
    try (KafkaConsumer<T, T> c =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            deserializer,
            deserializer)) {
      c.subscribe(List.of(topic));
      long deadline = System.nanoTime() + READ_FOR_AT_MOST.toNanos();
      while (out.size() < count && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  private static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  /** Stops a broker of the caller's own. */
  @Override
  public void close() throws Exception {
    if (this == shared) {
      throw new IllegalStateException("the shared broker lives as long as the JVM");
    }
    stop();
  }

  private void stop() throws Exception {
    producer.close();
    admin.close();
    cluster.close();
  }
}
