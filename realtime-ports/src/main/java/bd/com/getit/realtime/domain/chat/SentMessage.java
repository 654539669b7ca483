package bd.com.getit.realtime.domain.chat;

import bd.com.getit.realtime.domain.MessageId;
import java.time.Instant;
import java.util.Objects;

/** What a retried send gets back: the id and time of the message its first send stored. */
public record SentMessage(MessageId id, Instant timestamp) {
  public SentMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
