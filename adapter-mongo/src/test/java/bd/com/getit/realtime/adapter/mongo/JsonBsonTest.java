package bd.com.getit.realtime.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.JsonValue.JsonArray;
import bd.com.getit.realtime.domain.JsonValue.JsonNull;
import bd.com.getit.realtime.domain.JsonValue.JsonNumber;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.JsonValue.JsonString;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class JsonBsonTest {

  @Test
  void wholeNumbersBecomeInt64AndOthersDecimal128() {
    Document d =
        JsonBson.toDocument(
            JsonObject.builder()
                .put("whole", 42)
                .put("price", new JsonNumber(new BigDecimal("1299.50")))
                .put("huge", new JsonNumber(new BigDecimal("99999999999999999999")))
                .build());

    assertThat(d.get("whole")).isEqualTo(42L);
    assertThat(d.get("price")).isEqualTo(new Decimal128(new BigDecimal("1299.50")));
    assertThat(d.get("huge")).isInstanceOf(Decimal128.class);
  }

  @Test
  void aNumberBeyondDecimal128IsRefusedClearly() {
    JsonObject tooPrecise =
        JsonObject.builder()
            .put("x", new JsonNumber(new BigDecimal("1." + "1".repeat(40))))
            .build();

    assertThatThrownBy(() -> JsonBson.toDocument(tooPrecise))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Decimal128");
  }

  @Test
  void valuesOtherToolsWroteReadAsJson() {
    ObjectId id = new ObjectId();
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    Document d =
        new Document("int32", 7)
            .append("double", 2.5)
            .append("date", Date.from(at))
            .append("oid", id)
            .append("nothing", null)
            .append("list", List.of("a", 1));

    JsonObject json = JsonBson.toJson(d);

    assertThat(json.get("int32")).contains(JsonNumber.of(7));
    assertThat(json.get("double")).contains(JsonNumber.of(2.5));
    assertThat(json.get("date")).contains(new JsonString(at.toString()));
    assertThat(json.get("oid")).contains(new JsonString(id.toHexString()));
    assertThat(json.get("nothing")).contains(JsonNull.INSTANCE);
    assertThat(json.get("list")).contains(JsonArray.of(new JsonString("a"), JsonNumber.of(1)));
  }

  @Test
  void aValueJsonHasNoTypeForMakesTheDocumentMalformed() {
    assertThatThrownBy(() -> JsonBson.toJson(new Document("blob", new Binary(new byte[] {1}))))
        .isInstanceOf(MalformedDocumentException.class)
        .hasMessageContaining("blob");
    assertThatThrownBy(() -> JsonBson.toJson(new Document("n", Double.NaN)))
        .isInstanceOf(MalformedDocumentException.class);
    assertThatThrownBy(() -> JsonBson.toJson(new Document("n", Decimal128.NaN)))
        .isInstanceOf(MalformedDocumentException.class);
  }

  @Test
  void strictlyBeforeAFractionOfAMillisecondMeansBeforeTheNextWholeMillisecond() {
    Instant whole = Instant.parse("2026-01-01T00:00:00.007Z");

    assertThat(MongoChatRepository.upToMilli(whole)).isEqualTo(whole);
    assertThat(MongoChatRepository.upToMilli(whole.plusNanos(1))).isEqualTo(whole.plusMillis(1));
  }
}
