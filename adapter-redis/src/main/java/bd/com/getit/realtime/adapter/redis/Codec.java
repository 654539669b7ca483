package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.JsonValue.JsonArray;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.RecoverySession;
import bd.com.getit.realtime.domain.presence.DevicePresence;
import bd.com.getit.realtime.domain.presence.Location;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import bd.com.getit.realtime.domain.presence.ShoppingActivity;
import bd.com.getit.realtime.json.JsonInputException;
import bd.com.getit.realtime.json.JsonLimits;
import bd.com.getit.realtime.json.JsonText;
import bd.com.getit.realtime.json.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * JSON text of the records kept in Redis. Writing goes through the domain's own {@link
 * JsonValue#toJson()}; reading an event (every bus entry) through the streaming {@link JsonText},
 * other records through Jackson's tree with exact decimals, and free-form values through the shared
 * {@link JsonTrees} within the limits every interface shares, so a record read back equals the one
 * written. Text that is not a record of the expected shape fails with {@link
 * IllegalArgumentException}.
 */
final class Codec {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          // Keep 1499.50 as written: the tree would otherwise strip trailing zeros.
          .setNodeFactory(JsonTrees.NODES);

  private Codec() {}

  static String event(Event e) {
    List<String> recipients = e.recipients().stream().map(ChannelName::toString).toList();
    return JsonObject.builder()
        .put("id", e.id().value())
        .put("name", e.name())
        .put("channel", e.channel().toString())
        .put("data", e.data())
        .put("timestamp", e.timestamp().toString())
        .put("priority", e.priority().wireName())
        .put("ttl_ms", e.ttl().toMillis())
        .put("recipients", JsonArray.ofStrings(recipients))
        .put("persist", e.persist())
        .build()
        .toJson();
  }

  /**
   * Reads an event record. Every other node reads every bus entry with this, so it takes the
   * cheapest correct path: one streaming pass straight into the domain's values (no Jackson tree,
   * no {@code BigInteger} per integer) and the timestamp read by hand in the one form {@link
   * Instant#toString()} writes (Instant.parse's formatter was half of this method's time).
   */
  static Event event(String json) {
    JsonValue read;
    try {
      read = EVENT_TEXT.read(json);
    } catch (JsonInputException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (!(read instanceof JsonObject n)) {
      throw new IllegalArgumentException("an event record is an object");
    }
    List<ChannelName> recipients = new ArrayList<>();
    if (n.fields().get("recipients") instanceof JsonArray list) {
      for (JsonValue r : list.items()) {
        if (r instanceof JsonValue.JsonString channel) {
          recipients.add(ChannelName.parse(channel.value()));
        }
      }
    }
    EventId id = EventId.of(text(n, "id"));
    String name = text(n, "name");
    ChannelName channel = ChannelName.parse(text(n, "channel"));
    if (!(n.fields().get("data") instanceof JsonObject data)) {
      throw new IllegalArgumentException("the data: an object is expected");
    }
    return new Event(
        id,
        name,
        channel,
        data,
        instant(text(n, "timestamp")),
        Priority.fromWire(text(n, "priority"))
            .orElseThrow(() -> new IllegalArgumentException("unknown priority")),
        Duration.ofMillis(
            n.fields().get("ttl_ms") instanceof JsonValue.JsonNumber ttl
                ? ttl.value().longValue()
                : 0),
        recipients,
        n.fields().get("persist") instanceof JsonValue.JsonBool persist && persist.value());
  }

  /**
   * The limits of an event record: the event's data within {@link JsonLimits#DEFAULT} (as every
   * interface accepts it) one level down, with room for the record's own fields and recipients.
   */
  private static final JsonText EVENT_TEXT =
      JsonText.of(
          new JsonLimits(
              JsonLimits.DEFAULT.maxDepth() + 1,
              JsonLimits.DEFAULT.maxValues() + 2 * JsonLimits.DEFAULT.maxEntries(),
              JsonLimits.DEFAULT.maxEntries(),
              JsonLimits.DEFAULT.maxStringLength(),
              JsonLimits.DEFAULT.maxNumberLength()));

  private static String text(JsonObject n, String field) {
    if (!(n.fields().get(field) instanceof JsonValue.JsonString v)) {
      throw new IllegalArgumentException("missing text field " + field);
    }
    return v.value();
  }

  /**
   * {@code 2026-12-07T20:24:01.123456789Z} (what {@link Instant#toString()} writes for years 0 to
   * 9999, with 0 to 9 fraction digits) read without a formatter; any other text goes to {@link
   * Instant#parse}, which reads or refuses it.
   */
  static Instant instant(String text) {
    int length = text.length();
    if (length < 20
        || length > 30
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return Instant.parse(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nanos = 0;
    if (length > 20) {
      int fraction = length - 21; // between the '.' and the 'Z'
      if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
        return Instant.parse(text);
      }
      nanos = digits(text, 20, length - 1);
      for (int i = fraction; i < 9 && nanos >= 0; i++) {
        nanos *= 10;
      }
    } else if (text.charAt(19) != 'Z') {
      return Instant.parse(text);
    }
    if ((year | month | day | hour | minute | second | nanos) < 0
        || month < 1
        || month > 12
        || day < 1
        || day > 31
        || hour > 23
        || minute > 59
        || second > 59) {
      return Instant.parse(text); // not digits, or out of range: the formatter says why
    }
    try {
      long days = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    } catch (DateTimeException e) {
      return Instant.parse(text); // the 31st of a shorter month, say
    }
  }

  /** The decimal number of {@code text[from, to)}, or -1 when a char is no ASCII digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int d = text.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  static String channels(Set<ChannelName> channels) {
    return JsonArray.ofStrings(channels.stream().map(ChannelName::toString).sorted().toList())
        .toJson();
  }

  static Set<ChannelName> channels(String json) {
    Set<ChannelName> channels = new LinkedHashSet<>();
    tree(json).forEach(c -> channels.add(ChannelName.parse(c.asText())));
    return channels;
  }

  static String device(DevicePresence d) {
    JsonObject.Builder activity =
        JsonObject.builder()
            .put("viewing_product", d.activity().viewingProduct().orElse(null))
            .put("cart_items", d.activity().cartItems())
            .put("in_checkout", d.activity().inCheckout());
    JsonObject.Builder out =
        JsonObject.builder()
            .put("connection", d.connection().value())
            .put("status", d.status().wireName())
            .put("current_page", d.currentPage().orElse(null))
            .put("activity", activity.build())
            .put("last_activity", d.lastActivity().toString());
    d.location()
        .ifPresent(
            l ->
                out.put(
                    "location",
                    JsonObject.builder()
                        .put("division", l.division())
                        .put("district", l.district().orElse(null))
                        .build()));
    return out.build().toJson();
  }

  static DevicePresence device(String json) {
    JsonNode n = tree(json);
    JsonNode a = n.path("activity");
    JsonNode l = n.path("location");
    return new DevicePresence(
        ConnectionId.of(text(n, "connection")),
        PresenceStatus.fromWire(text(n, "status"))
            .orElseThrow(() -> new IllegalArgumentException("unknown status")),
        optionalText(n, "current_page"),
        new ShoppingActivity(
            optionalText(a, "viewing_product"),
            a.path("cart_items").asInt(),
            a.path("in_checkout").asBoolean()),
        l.isObject()
            ? Optional.of(new Location(text(l, "division"), optionalText(l, "district")))
            : Optional.empty(),
        Instant.parse(text(n, "last_activity")));
  }

  static String session(RecoverySession s, Instant expiresAt) {
    return JsonObject.builder()
        .put("pid", s.pid())
        .put("connection", s.connection().value())
        .put("user", s.user().value())
        .put("channels", JsonArray.ofStrings(s.channels().stream().map(String::valueOf).toList()))
        .put("ended_at", s.endedAt().toString())
        .put("expires_at", expiresAt.toString())
        .build()
        .toJson();
  }

  /** A kept session and when its window ends. */
  record HeldSession(RecoverySession session, Instant expiresAt) {}

  static HeldSession session(String json) {
    JsonNode n = tree(json);
    Set<ChannelName> channels = new LinkedHashSet<>();
    n.path("channels").forEach(c -> channels.add(ChannelName.parse(c.asText())));
    return new HeldSession(
        new RecoverySession(
            text(n, "pid"),
            ConnectionId.of(text(n, "connection")),
            UserId.of(text(n, "user")),
            channels,
            Instant.parse(text(n, "ended_at"))),
        Instant.parse(text(n, "expires_at")));
  }

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("missing text field " + field);
    }
    return v.asText();
  }

  private static Optional<String> optionalText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }
}
