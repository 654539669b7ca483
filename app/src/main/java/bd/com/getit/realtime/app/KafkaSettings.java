package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.kafka.KafkaIngestOptions;
import java.util.List;
import java.util.Optional;

/**
 * The platform's event topics: {@code REALTIME_KAFKA_BOOTSTRAP_SERVERS} and the names around it
 * (docs/configuration.md, docs/kafka.md). Absent: no consumer runs.
 *
 * @param bootstrapServers the brokers, {@code host:port,...}
 * @param groupId the consumer group all nodes share
 * @param topics the topics of other services' events
 * @param deadLetterTopic where malformed records go
 * @param maxRecordBytes larger record values are dead-lettered unread
 */
public record KafkaSettings(
    String bootstrapServers,
    String groupId,
    List<String> topics,
    String deadLetterTopic,
    int maxRecordBytes) {

  public KafkaSettings {
    topics = List.copyOf(topics);
  }

  static Optional<KafkaSettings> from(Env env) {
    Optional<String> servers = env.text("REALTIME_KAFKA_BOOTSTRAP_SERVERS");
    if (servers.isEmpty()) {
      return Optional.empty();
    }
    List<String> topics = env.list("REALTIME_KAFKA_TOPICS", KafkaIngestOptions.DEFAULT_TOPICS);
    if (topics.isEmpty()) {
      throw new ConfigException("REALTIME_KAFKA_TOPICS", "names at least one topic");
    }
    String deadLetters = env.text("REALTIME_KAFKA_DEAD_LETTER_TOPIC", "realtime-dead-letters");
    if (topics.contains(deadLetters)) {
      throw new ConfigException(
          "REALTIME_KAFKA_DEAD_LETTER_TOPIC", "must not be one of REALTIME_KAFKA_TOPICS");
    }
    return Optional.of(
        new KafkaSettings(
            servers.get(),
            env.text("REALTIME_KAFKA_GROUP_ID", "realtime"),
            topics,
            deadLetters,
            env.integer("REALTIME_KAFKA_MAX_RECORD_BYTES", 1_000_000, 1_024, 100_000_000)));
  }

  /** The consumer's options. */
  KafkaIngestOptions ingestOptions() {
    return KafkaIngestOptions.builder(bootstrapServers)
        .groupId(groupId)
        .topics(topics)
        .deadLetterTopic(deadLetterTopic)
        .maxRecordBytes(maxRecordBytes)
        .build();
  }
}
