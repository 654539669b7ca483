package bd.com.getit.realtime.core.ingest;

import bd.com.getit.realtime.core.routing.ChannelDerivation;
import bd.com.getit.realtime.core.routing.PublishableNames;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ChannelType;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.RealtimeException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the envelope of PROTOCOL section 8 into an {@link Event}; every malformed field, and a name
 * the server emits itself, fails with {@link ErrorCode#PAYLOAD_INVALID} (a malformed explicit
 * channel with its channel code).
 */
final class EnvelopeParser {
  static final Duration MAX_TTL = Duration.ofDays(30);
  static final int MAX_RECIPIENTS = 1000;

  private EnvelopeParser() {}

  /**
   * @param newId makes the id of an envelope that carries none
   */
  static Event parse(JsonValue.JsonObject envelope, Supplier<String> newId, Instant now) {
    EventId id =
        string(envelope, "id").map(EnvelopeParser::eventId).orElseGet(() -> eventId(newId.get()));
    String name = string(envelope, "event").orElseThrow(() -> invalid("event is required"));
    PublishableNames.requirePublishable(name);
    JsonValue.JsonObject data = object(envelope, "data").orElse(JsonValue.JsonObject.EMPTY);
    Priority priority =
        string(envelope, "priority")
            .map(p -> Priority.fromWire(p).orElseThrow(() -> invalid("unknown priority " + p)))
            .orElse(Priority.MEDIUM);
    Duration ttl = ttl(envelope);
    boolean persist = bool(envelope, "persist");
    Set<ChannelName> recipients = new LinkedHashSet<>(recipients(envelope));
    Optional<String> channelName = string(envelope, "channel");
    ChannelName channel;
    if (channelName.isPresent()) {
      channel = ChannelName.parse(channelName.get());
    } else {
      // Validate the name first so that a bad name is not reported as an underivable channel.
      checkName(name);
      ChannelDerivation.Target target = ChannelDerivation.derive(name, data);
      channel = target.channel();
      recipients.addAll(target.recipients());
    }
    return new Event(id, name, channel, data, now, priority, ttl, List.copyOf(recipients), persist);
  }

  private static void checkName(String name) {
    new Event(
        EventId.of("check"),
        name,
        ChannelName.ANNOUNCEMENTS,
        JsonValue.JsonObject.EMPTY,
        Instant.EPOCH,
        Priority.LOW,
        Duration.ZERO,
        List.of(),
        false);
  }

  private static EventId eventId(String value) {
    try {
      return EventId.of(value);
    } catch (IllegalArgumentException e) {
      throw invalid("id is 1 to 200 characters of [A-Za-z0-9_.:@-]");
    }
  }

  private static Duration ttl(JsonValue.JsonObject envelope) {
    Optional<JsonValue> value = present(envelope, "ttl_seconds");
    if (value.isEmpty()) {
      return Duration.ZERO;
    }
    if (!(value.get() instanceof JsonValue.JsonNumber number)) {
      throw invalid("ttl_seconds is a number");
    }
    BigDecimal seconds = number.value();
    if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_TTL.getSeconds())) > 0) {
      throw invalid("ttl_seconds is 0 to " + MAX_TTL.getSeconds());
    }
    try {
      return Duration.ofSeconds(seconds.longValueExact());
    } catch (ArithmeticException e) {
      throw invalid("ttl_seconds is a whole number");
    }
  }

  private static List<ChannelName> recipients(JsonValue.JsonObject envelope) {
    Optional<JsonValue> value = present(envelope, "recipients");
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof JsonValue.JsonArray array)) {
      throw invalid("recipients is an array");
    }
    if (array.items().size() > MAX_RECIPIENTS) {
      throw invalid("at most " + MAX_RECIPIENTS + " recipients");
    }
    List<ChannelName> recipients = new ArrayList<>();
    for (JsonValue item : array.items()) {
      if (!(item instanceof JsonValue.JsonString s)) {
        throw invalid("recipients are channel names");
      }
      ChannelName channel;
      try {
        channel = ChannelName.parse(s.value());
      } catch (RealtimeException e) {
        throw invalid("recipients are user channels");
      }
      if (channel.type() != ChannelType.USER) {
        throw invalid("recipients are user channels");
      }
      recipients.add(channel);
    }
    return recipients;
  }

  /** The field unless absent or JSON null. */
  private static Optional<JsonValue> present(JsonValue.JsonObject o, String name) {
    return o.get(name).filter(v -> !(v instanceof JsonValue.JsonNull));
  }

  private static Optional<String> string(JsonValue.JsonObject o, String name) {
    return present(o, name)
        .map(
            v -> {
              if (v instanceof JsonValue.JsonString s) {
                return s.value();
              }
              throw invalid(name + " is a string");
            });
  }

  private static Optional<JsonValue.JsonObject> object(JsonValue.JsonObject o, String name) {
    return present(o, name)
        .map(
            v -> {
              if (v instanceof JsonValue.JsonObject obj) {
                return obj;
              }
              throw invalid(name + " is an object");
            });
  }

  private static boolean bool(JsonValue.JsonObject o, String name) {
    return present(o, name)
        .map(
            v -> {
              if (v instanceof JsonValue.JsonBool b) {
                return b.value();
              }
              throw invalid(name + " is a boolean");
            })
        .orElse(false);
  }

  private static RealtimeException invalid(String detail) {
    return new RealtimeException(ErrorCode.PAYLOAD_INVALID, detail);
  }
}
