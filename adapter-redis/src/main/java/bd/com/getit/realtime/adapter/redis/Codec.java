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
import bd.com.getit.realtime.json.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * JSON text of the records kept in Redis. Writing goes through the domain's own {@link
 * JsonValue#toJson()}; reading through Jackson's tree with exact decimals, and free-form values
 * through the shared {@link JsonTrees} within the limits every interface shares, so a record read
 * back equals the one written. Text that is not a record of the expected shape fails with {@link
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

  static Event event(String json) {
    JsonNode n = tree(json);
    List<ChannelName> recipients = new ArrayList<>();
    n.path("recipients").forEach(r -> recipients.add(ChannelName.parse(r.asText())));
    return new Event(
        EventId.of(text(n, "id")),
        text(n, "name"),
        ChannelName.parse(text(n, "channel")),
        JsonTrees.toObject(n.path("data")),
        Instant.parse(text(n, "timestamp")),
        Priority.fromWire(text(n, "priority"))
            .orElseThrow(() -> new IllegalArgumentException("unknown priority")),
        Duration.ofMillis(n.path("ttl_ms").asLong()),
        recipients,
        n.path("persist").asBoolean());
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
