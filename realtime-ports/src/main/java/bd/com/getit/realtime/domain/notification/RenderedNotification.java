package bd.com.getit.realtime.domain.notification;

import bd.com.getit.realtime.domain.LocalizedText;
import java.util.Objects;

/** A template's texts for one notification, each in English and Bangla. */
public record RenderedNotification(LocalizedText title, LocalizedText message) {
  public RenderedNotification {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(message, "message");
    if (title.bangla().isEmpty() || message.bangla().isEmpty()) {
      throw new IllegalArgumentException("a rendered template has both languages");
    }
  }
}
