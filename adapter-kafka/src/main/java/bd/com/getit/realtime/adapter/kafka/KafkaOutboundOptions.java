package bd.com.getit.realtime.adapter.kafka;

import java.util.Map;
import java.util.Objects;

/**
 * Immutable settings of the outbound producer.
 *
 * @param bootstrapServers the Kafka brokers, {@code host:port,...}
 * @param topics the topic of each outbound event name ({@code message}, {@code presence_update},
 *     {@code notification}, {@code notification_status}); events of other names are not published
 * @param bufferSize events waiting to be sent at most; past it new events are dropped and counted
 * @param clientProperties extra Kafka producer properties (security, tuning)
 */
public record KafkaOutboundOptions(
    String bootstrapServers,
    Map<String, String> topics,
    int bufferSize,
    Map<String, String> clientProperties) {

  /** The default topic of each outbound event, as documented in docs/kafka.md. */
  public static final Map<String, String> DEFAULT_TOPICS =
      Map.of(
          "message", "realtime-chat-messages",
          "presence_update", "realtime-presence",
          "notification", "realtime-notifications",
          "notification_status", "realtime-notification-status");

  public KafkaOutboundOptions {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrapServers is required");
    }
    topics = Map.copyOf(Objects.requireNonNull(topics, "topics"));
    topics.forEach(
        (event, topic) -> {
          if (topic.isBlank()) {
            throw new IllegalArgumentException("the topic of " + event + " is blank");
          }
        });
    if (bufferSize <= 0) {
      throw new IllegalArgumentException("bufferSize must be positive");
    }
    clientProperties = Map.copyOf(Objects.requireNonNull(clientProperties, "clientProperties"));
  }

  /** The default topics, a buffer of 10,000 events, no extra properties. */
  public static KafkaOutboundOptions defaults(String bootstrapServers) {
    return new KafkaOutboundOptions(bootstrapServers, DEFAULT_TOPICS, 10_000, Map.of());
  }
}
