package bd.com.getit.realtime.core.chat;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of chat rooms and messages.
 *
 * @param maxParticipants the most participants a room may have, its creator included
 * @param maxMetadataChars the longest metadata (of a room or a message), as compact JSON text
 * @param messageTtl how long a message waits in an offline participant's queue
 */
public record ChatRules(int maxParticipants, int maxMetadataChars, Duration messageTtl) {

  /** 100 participants, 8 KiB of metadata, messages queued for 7 days. */
  public static final ChatRules DEFAULTS = new ChatRules(100, 8 * 1024, Duration.ofDays(7));

  public ChatRules {
    Objects.requireNonNull(messageTtl, "messageTtl");
    if (maxParticipants < 2 || maxMetadataChars < 2) {
      throw new IllegalArgumentException("a room holds two people and {} fits");
    }
    if (messageTtl.isNegative() || messageTtl.isZero()) {
      throw new IllegalArgumentException("messageTtl > 0: messages are at-least-once");
    }
  }
}
