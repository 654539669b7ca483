package bd.com.getit.realtime.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A domain event addressed to a channel: what other services publish (PROTOCOL section 8) and what
 * subscribers receive under {@code name} (section 5).
 *
 * @param ttl how long the event stays deliverable to offline users; {@link Duration#ZERO} means it
 *     is live only
 * @param recipients user channels that also receive the event (and queue it while offline)
 * @param persist whether the event is written to the {@code EventLog}
 */
public record Event(
    EventId id,
    String name,
    ChannelName channel,
    JsonValue.JsonObject data,
    Instant timestamp,
    Priority priority,
    Duration ttl,
    List<ChannelName> recipients,
    boolean persist) {

  private static final AsciiSyntax NAME = AsciiSyntax.of("a-z", "a-z0-9_", 1, 64);

  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (!NAME.matches(name)) {
      throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "event name must match " + NAME);
    }
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative()) {
      throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "ttl must not be negative");
    }
    recipients = List.copyOf(recipients);
  }

  /** What the event is, told by its name: routing decisions switch over this. */
  public EventKind kind() {
    return EventKind.of(name);
  }

  /** The envelope subscribers receive: {@code {id, event, channel, data, timestamp, priority}}. */
  public JsonValue.JsonObject envelope() {
    return JsonValue.JsonObject.builder()
        .put("id", id.value())
        .put("event", name)
        .put("channel", channel.toString())
        .put("data", data)
        .put("timestamp", IsoInstants.format(timestamp))
        .put("priority", priority.wireName())
        .build();
  }

  /** This event with another time to live. */
  public Event withTtl(Duration newTtl) {
    return new Event(id, name, channel, data, timestamp, priority, newTtl, recipients, persist);
  }

  /** Whether the event may still be delivered at {@code now}. */
  public boolean liveAt(Instant now) {
    return ttl.isZero() || !now.isAfter(timestamp.plus(ttl));
  }
}
