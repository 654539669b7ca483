package bd.com.getit.realtime.adapter.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable settings of the event consumer; build one with {@link #builder(String)}.
 *
 * @param bootstrapServers the Kafka brokers, {@code host:port,...}
 * @param groupId the consumer group every node joins: each record is handled by one node
 * @param topics the topics of other services' events (PROTOCOL section 8 envelopes)
 * @param deadLetterTopic where malformed records go, with the reason and their origin as headers
 * @param maxRecordBytes records with a larger value are dead-lettered unread
 * @param maxInFlight the most records fetched and handled at once ({@code max.poll.records})
 * @param handleTimeout how long a batch may take to be handled before its rest is retried
 * @param retryBackoff the first pause of a partition after a transient failure; doubles per retry
 * @param maxRetryBackoff the longest such pause
 * @param pollTimeout the longest a poll waits for records
 * @param clientProperties extra Kafka client properties (security, tuning), applied to the consumer
 *     and the dead-letter producer; they cannot override the settings above nor the commit mode
 */
public record KafkaIngestOptions(
    String bootstrapServers,
    String groupId,
    List<String> topics,
    String deadLetterTopic,
    int maxRecordBytes,
    int maxInFlight,
    Duration handleTimeout,
    Duration retryBackoff,
    Duration maxRetryBackoff,
    Duration pollTimeout,
    Map<String, String> clientProperties) {

  /** The topics of the platform's services, as documented in docs/kafka.md. */
  public static final List<String> DEFAULT_TOPICS =
      List.of(
          "product-events",
          "order-events",
          "payment-events",
          "notification-events",
          "system-events");

  public KafkaIngestOptions {
    requireText(bootstrapServers, "bootstrapServers");
    requireText(groupId, "groupId");
    topics = List.copyOf(Objects.requireNonNull(topics, "topics"));
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("at least one topic");
    }
    topics.forEach(t -> requireText(t, "topic"));
    requireText(deadLetterTopic, "deadLetterTopic");
    if (topics.contains(deadLetterTopic)) {
      throw new IllegalArgumentException("the dead-letter topic is not one of the topics read");
    }
    if (maxRecordBytes <= 0) {
      throw new IllegalArgumentException("maxRecordBytes must be positive");
    }
    if (maxInFlight <= 0) {
      throw new IllegalArgumentException("maxInFlight must be positive");
    }
    requirePositive(handleTimeout, "handleTimeout");
    requirePositive(retryBackoff, "retryBackoff");
    requirePositive(maxRetryBackoff, "maxRetryBackoff");
    requirePositive(pollTimeout, "pollTimeout");
    clientProperties = Map.copyOf(Objects.requireNonNull(clientProperties, "clientProperties"));
  }

  public static Builder builder(String bootstrapServers) {
    return new Builder(bootstrapServers);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  private static void requirePositive(Duration d, String name) {
    if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /** Builds options; every setting but the brokers has a default. */
  public static final class Builder {
    private final String bootstrapServers;
    private String groupId = "realtime";
    private List<String> topics = DEFAULT_TOPICS;
    private String deadLetterTopic = "realtime-dead-letters";
    private int maxRecordBytes = 1_000_000;
    private int maxInFlight = 500;
    private Duration handleTimeout = Duration.ofSeconds(30);
    private Duration retryBackoff = Duration.ofMillis(200);
    private Duration maxRetryBackoff = Duration.ofSeconds(30);
    private Duration pollTimeout = Duration.ofMillis(500);
    private Map<String, String> clientProperties = Map.of();

    private Builder(String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
    }

    public Builder groupId(String groupId) {
      this.groupId = groupId;
      return this;
    }

    public Builder topics(List<String> topics) {
      this.topics = topics;
      return this;
    }

    public Builder deadLetterTopic(String deadLetterTopic) {
      this.deadLetterTopic = deadLetterTopic;
      return this;
    }

    public Builder maxRecordBytes(int maxRecordBytes) {
      this.maxRecordBytes = maxRecordBytes;
      return this;
    }

    public Builder maxInFlight(int maxInFlight) {
      this.maxInFlight = maxInFlight;
      return this;
    }

    public Builder handleTimeout(Duration handleTimeout) {
      this.handleTimeout = handleTimeout;
      return this;
    }

    public Builder retryBackoff(Duration first, Duration max) {
      this.retryBackoff = first;
      this.maxRetryBackoff = max;
      return this;
    }

    public Builder pollTimeout(Duration pollTimeout) {
      this.pollTimeout = pollTimeout;
      return this;
    }

    public Builder clientProperties(Map<String, String> clientProperties) {
      this.clientProperties = clientProperties;
      return this;
    }

    public KafkaIngestOptions build() {
      return new KafkaIngestOptions(
          bootstrapServers,
          groupId,
          topics,
          deadLetterTopic,
          maxRecordBytes,
          maxInFlight,
          handleTimeout,
          retryBackoff,
          maxRetryBackoff,
          pollTimeout,
          clientProperties);
    }
  }
}
