package bd.com.getit.realtime.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The payload that writes itself writes what the same fields built as a tree write. */
class ChatMessagePayloadTest {

  private static final String CHARS = "aZ9 \"\\\n\r\t\b\f\u0001\u001f\u2028\u2029\u00e9\u09a6😀<>/";

  @Test
  void writesWhatTheTreeWritesForRandomMessages() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      ChatMessage message = random(random);

      JsonObject payload = message.toPayload();
      JsonObject tree = message.payloadFields();

      assertThat(payload.toJson()).isEqualTo(tree.toJson());
      StringBuilder into = new StringBuilder("[");
      payload.writeJson(into);
      assertThat(into.toString()).isEqualTo("[" + tree.toJson());
    }
  }

  @Test
  void readsAsTheSameMapInTheSameOrder() {
    ChatMessage message = random(new SplittableRandom(3));
    JsonObject payload = message.toPayload();
    JsonObject tree = message.payloadFields();

    assertThat(payload).isEqualTo(tree).hasSameHashCodeAs(tree);
    assertThat(tree).isEqualTo(payload);
    assertThat(payload.fields().keySet())
        .containsExactly(
            "id",
            "channel",
            "room_id",
            "sender_id",
            "sender_role",
            "message",
            "type",
            "metadata",
            "timestamp");
    assertThat(payload.text("channel")).contains("chat:" + message.room().value());
    assertThat(payload.get("missing")).isEmpty();
    assertThat(payload.fields()).hasSize(9).containsKey("metadata");
    assertThat(new LinkedHashMap<>(payload.fields())).isEqualTo(tree.fields());
  }

  @Test
  void cannotBeChanged() {
    Map<String, JsonValue> fields = random(new SplittableRandom(5)).toPayload().fields();

    assertThatThrownBy(() -> fields.put("x", JsonValue.JsonNull.INSTANCE))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> fields.remove("id")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(fields::clear).isInstanceOf(UnsupportedOperationException.class);
  }

  private static ChatMessage random(SplittableRandom random) {
    JsonObject metadata =
        random.nextBoolean()
            ? JsonObject.EMPTY
            : JsonObject.builder()
                .put("note", text(random))
                .put("n", random.nextLong())
                .put("list", JsonValue.JsonArray.ofStrings(List.of(text(random), "b")))
                .put("inner", JsonObject.builder().put("ok", random.nextBoolean()).build())
                .putNull("none")
                .build();
    Instant at =
        Instant.ofEpochSecond(
            random.nextLong(0, 4_000_000_000L),
            random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
    return new ChatMessage(
        MessageId.of("m-" + random.nextInt(1_000_000)),
        RoomId.of("room_" + random.nextInt(1000) + ".a-b"),
        UserId.of("user:" + random.nextInt(1000) + "@x"),
        Role.values()[random.nextInt(Role.values().length)],
        MessageType.values()[random.nextInt(MessageType.values().length)],
        text(random),
        metadata,
        at);
  }

  private static String text(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      text.append(CHARS.charAt(random.nextInt(CHARS.length())));
    }
    return text.toString();
  }
}
