package bd.com.getit.realtime.domain.notification;

import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.LocalizedText;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A system announcement, kept and shown to every socket that connects until {@code showUntil}.
 *
 * @param id also the id of the {@code system_announcement} event that carries it
 * @param showUntil empty for one shown live only, to the sockets connected when it is made
 */
public record Announcement(
    EventId id,
    String type,
    LocalizedText title,
    LocalizedText message,
    Instant createdAt,
    Optional<Instant> showUntil) {
  public Announcement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(showUntil, "showUntil");
  }

  public boolean activeAt(Instant now) {
    return showUntil.map(now::isBefore).orElse(false);
  }

  /** The {@code data} of its {@code system_announcement} event and an item of the list. */
  public JsonValue.JsonObject toPayload() {
    return JsonValue.JsonObject.builder()
        .put("id", id.value())
        .put("title", title.english())
        .put("title_bn", title.bangla().orElse(null))
        .put("message", message.english())
        .put("message_bn", message.bangla().orElse(null))
        .put("type", type)
        .put("show_until", showUntil.map(Instant::toString).orElse(null))
        .put("created_at", createdAt.toString())
        .build();
  }
}
