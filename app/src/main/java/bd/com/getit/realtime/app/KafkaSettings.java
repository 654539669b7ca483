package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.kafka.KafkaEventConsumer;
import bd.com.getit.realtime.adapter.kafka.KafkaIngestOptions;
import bd.com.getit.realtime.adapter.kafka.KafkaOutboundOptions;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.KafkaException;

/**
 * The platform's event topics: {@code REALTIME_KAFKA_BOOTSTRAP_SERVERS} and the names around it
 * (docs/configuration.md, docs/kafka.md). Absent: no consumer runs.
 *
 * @param bootstrapServers the brokers, {@code host:port,...}
 * @param groupId the consumer group all nodes share
 * @param topics the topics of other services' events
 * @param deadLetterTopic where malformed records go
 * @param maxRecordBytes larger record values are dead-lettered unread
 * @param outboundTopics the topic of each outbound event name; empty when outbound events are off
 * @param dedupWindow how long an event id is remembered to drop a redelivered record
 * @param clientProperties Kafka client properties passed through to the consumer and the producers
 *     (SASL, TLS, tuning): from {@code REALTIME_KAFKA_PROPERTIES_FILE}, then {@code
 *     REALTIME_KAFKA_PROPERTY_*} over it
 */
public record KafkaSettings(
    String bootstrapServers,
    String groupId,
    List<String> topics,
    String deadLetterTopic,
    int maxRecordBytes,
    Map<String, String> outboundTopics,
    Duration dedupWindow,
    Map<String, String> clientProperties) {

  private static final String OUTBOUND_TOPICS = "REALTIME_KAFKA_OUTBOUND_TOPICS";

  /** {@code REALTIME_KAFKA_PROPERTY_SASL_MECHANISM=PLAIN} sets {@code sasl.mechanism}. */
  static final String PROPERTY_PREFIX = "REALTIME_KAFKA_PROPERTY_";

  static final String PROPERTIES_FILE = "REALTIME_KAFKA_PROPERTIES_FILE";

  /**
   * What the server sets itself: its own variables name them, and the consumer's commits and
   * serializers are not a matter of tuning.
   */
  private static final Set<String> RESERVED =
      Set.of(
          "bootstrap.servers",
          "group.id",
          "enable.auto.commit",
          "key.deserializer",
          "value.deserializer",
          "key.serializer",
          "value.serializer");

  public KafkaSettings {
    topics = List.copyOf(topics);
    outboundTopics = Map.copyOf(outboundTopics);
    clientProperties = Map.copyOf(clientProperties);
  }

  /** The same settings with {@code dedupWindow} and no extra client properties. */
  public KafkaSettings(
      String bootstrapServers,
      String groupId,
      List<String> topics,
      String deadLetterTopic,
      int maxRecordBytes,
      Map<String, String> outboundTopics,
      Duration dedupWindow) {
    this(
        bootstrapServers,
        groupId,
        topics,
        deadLetterTopic,
        maxRecordBytes,
        outboundTopics,
        dedupWindow,
        Map.of());
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
            env.integer("REALTIME_KAFKA_MAX_RECORD_BYTES", 1_000_000, 1_024, 100_000_000),
            env.bool("REALTIME_KAFKA_OUTBOUND_ENABLED", false) ? outboundTopics(env) : Map.of(),
            Duration.ofSeconds(
                env.integer("REALTIME_KAFKA_DEDUP_WINDOW_SECONDS", 600, 1, 7 * 24 * 3600)),
            clientProperties(env)));
  }

  /**
   * The properties file first, then every {@code REALTIME_KAFKA_PROPERTY_<NAME>} over it, the name
   * lower-cased with {@code _} as {@code .} ({@code SSL_TRUSTSTORE_LOCATION} is {@code
   * ssl.truststore.location}).
   */
  static Map<String, String> clientProperties(Env env) {
    Map<String, String> properties = new TreeMap<>();
    Optional<String> file = env.text(PROPERTIES_FILE);
    if (file.isPresent()) {
      Properties read = new Properties();
      try (Reader in = Files.newBufferedReader(Path.of(file.get()), StandardCharsets.UTF_8)) {
        read.load(in);
      } catch (IOException | IllegalArgumentException e) {
        throw new ConfigException(PROPERTIES_FILE, "cannot read " + file.get() + ": " + e);
      }
      read.stringPropertyNames()
          .forEach(k -> properties.put(k.strip(), read.getProperty(k).strip()));
      properties.keySet().stream()
          .filter(RESERVED::contains)
          .findFirst()
          .ifPresent(
              k -> {
                throw new ConfigException(PROPERTIES_FILE, reserved(k));
              });
    }
    new TreeMap<>(env.all())
        .forEach(
            (name, value) -> {
              if (!name.startsWith(PROPERTY_PREFIX) || name.length() == PROPERTY_PREFIX.length()) {
                return;
              }
              String key =
                  name.substring(PROPERTY_PREFIX.length())
                      .toLowerCase(Locale.ROOT)
                      .replace('_', '.');
              if (RESERVED.contains(key)) {
                throw new ConfigException(name, reserved(key));
              }
              if (value.isBlank()) {
                throw new ConfigException(name, "is empty; unset it to use Kafka's default");
              }
              properties.put(key, value.strip());
              env.note(name, value.strip());
            });
    return properties;
  }

  private static String reserved(String key) {
    return "sets "
        + key
        + ", which the server sets itself (REALTIME_KAFKA_BOOTSTRAP_SERVERS,"
        + " REALTIME_KAFKA_GROUP_ID, or fixed)";
  }

  /** Whether a Kafka property holds a secret, for masking. */
  static boolean isSecretProperty(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password")
        || k.contains("jaas")
        || k.contains("secret")
        || k.endsWith(".key");
  }

  /** The defaults, each overridable: {@code message=chat-out,presence_update=presence-out}. */
  private static Map<String, String> outboundTopics(Env env) {
    Map<String, String> topics = new LinkedHashMap<>(KafkaOutboundOptions.DEFAULT_TOPICS);
    for (String entry : env.list(OUTBOUND_TOPICS, List.of())) {
      String[] parts = entry.split("=", 2);
      String event = parts[0].strip();
      if (!KafkaOutboundOptions.DEFAULT_TOPICS.containsKey(event)) {
        throw new ConfigException(
            OUTBOUND_TOPICS,
            "unknown event '"
                + event
                + "', one of "
                + KafkaOutboundOptions.DEFAULT_TOPICS.keySet());
      }
      if (parts.length != 2 || parts[1].isBlank()) {
        throw new ConfigException(OUTBOUND_TOPICS, "expected event=topic, was '" + entry + "'");
      }
      topics.put(event, parts[1].strip());
    }
    return topics;
  }

  /** The producer's options when outbound events are on. */
  Optional<KafkaOutboundOptions> outboundOptions() {
    return outboundTopics.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new KafkaOutboundOptions(bootstrapServers, outboundTopics, 10_000, clientProperties));
  }

  /** Starts the consumer; brokers the client refuses (a malformed address) fail the start. */
  KafkaEventConsumer startConsumer(EventIngestUseCase ingest) {
    return clientOf(() -> KafkaEventConsumer.start(ingestOptions(), ingest));
  }

  /** A Kafka client, its configuration errors reported as the variable that caused them. */
  static <T> T clientOf(Supplier<T> start) {
    try {
      return start.get();
    } catch (KafkaException e) {
      throw new ConfigException("REALTIME_KAFKA_BOOTSTRAP_SERVERS", e.getMessage());
    }
  }

  /** The consumer's options. */
  KafkaIngestOptions ingestOptions() {
    return KafkaIngestOptions.builder(bootstrapServers)
        .groupId(groupId)
        .topics(topics)
        .deadLetterTopic(deadLetterTopic)
        .maxRecordBytes(maxRecordBytes)
        .clientProperties(clientProperties)
        .build();
  }
}
