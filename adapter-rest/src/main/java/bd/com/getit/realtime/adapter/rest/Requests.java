package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.json.PlainJson;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * Request bodies of PROTOCOL section 9 (snake_case on the wire). Bean Validation checks their shape
 * (422 when wrong); what the values may be is the core's to say.
 */
final class Requests {
  private Requests() {}

  /**
   * A free-form body field ({@code metadata}, {@code data}) as a domain object, read within the
   * JSON limits every interface shares; absent is the empty object.
   *
   * @throws bd.com.getit.realtime.json.JsonInputException beyond the limits (422)
   */
  static JsonValue.JsonObject objectOrEmpty(Map<String, Object> field) {
    return field == null ? JsonValue.JsonObject.EMPTY : PlainJson.toObject(field);
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record UpdatePresence(
      @NotBlank @Schema(allowableValues = {"online", "away", "busy", "offline"}) String status,
      String currentPage,
      Map<String, Object> activity,
      @Schema(
              description =
                  "{ division, district? } or a bare string taken as the division (at most 64"
                      + " characters)",
              oneOf = {String.class, Location.class})
          Object location) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Location(@NotBlank String division, String district) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record CreateRoom(
      @NotBlank @Schema(allowableValues = {"customer_support", "vendor_chat", "group_chat"})
          String type,
      @Size(max = 1000) List<@NotBlank String> participants,
      Map<String, Object> metadata) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record JoinRoom(
      @Schema(description = "the user to add; the caller when absent") String userId,
      @Schema(allowableValues = {"customer", "vendor", "support_agent", "admin"}) String role) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record SendMessage(
      @NotNull String message,
      @Schema(allowableValues = {"text", "image", "file", "product", "order"}) String type,
      @Schema(
              description =
                  "image and file messages: { attachment: { url, mime_type, size_bytes, name? } }")
          Map<String, Object> metadata,
      @Schema(
              description =
                  "1 to 64 of A-Z a-z 0-9 _ . -: a retry within 24 hours gets the first message")
          String clientMsgId) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record SendNotification(
      @NotBlank String userId,
      @Schema(description = "required without template; the template's id when absent")
          String notificationType,
      @Schema(description = "required without template") String title,
      String titleBn,
      @Schema(description = "required without template") String message,
      String messageBn,
      @Schema(description = "a server template (GET /notifications/templates) instead of texts")
          String template,
      @Schema(description = "the template's parameters by name") Map<String, Object> params,
      Map<String, Object> data,
      String actionUrl,
      @Schema(allowableValues = {"low", "medium", "high", "critical"}) String priority) {}

  /** The section 8 envelope. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record PublishEvent(
      @Schema(description = "the de-duplication key; generated when absent") String id,
      @NotBlank String event,
      @Schema(description = "derived from the event and its data when absent") String channel,
      Map<String, Object> data,
      @Schema(allowableValues = {"low", "medium", "high", "critical"}) String priority,
      Long ttlSeconds,
      List<@NotBlank String> recipients,
      Boolean persist) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Announce(
      @NotBlank String title,
      String titleBn,
      @NotBlank String message,
      String messageBn,
      @Schema(description = "info when absent") String type,
      @Schema(description = "ISO-8601 time", format = "date-time") String showUntil) {}
}
