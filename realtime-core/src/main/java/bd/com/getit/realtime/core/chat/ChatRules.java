package bd.com.getit.realtime.core.chat;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The limits of chat rooms and messages.
 *
 * @param maxParticipants the most participants a room may have, its creator included
 * @param maxMetadataChars the longest metadata (of a room or a message), as compact JSON text
 * @param messageTtl how long a message waits in an offline participant's queue
 * @param clientIdWindow how long a {@code client_msg_id} is remembered, so that a retry within it
 *     is neither stored nor delivered again (PROTOCOL section 10.2: 24 hours)
 * @param attachmentHosts the host names (lower case) an {@code image} or {@code file} message's
 *     attachment URL may point at; empty, no attachment is accepted
 */
public record ChatRules(
    int maxParticipants,
    int maxMetadataChars,
    Duration messageTtl,
    Duration clientIdWindow,
    Set<String> attachmentHosts) {

  /** The window of {@code client_msg_id} the contract gives. */
  public static final Duration CLIENT_ID_WINDOW = Duration.ofHours(24);

  /** 100 participants, 8 KiB of metadata, messages queued for 7 days, no attachment hosts. */
  public static final ChatRules DEFAULTS = new ChatRules(100, 8 * 1024, Duration.ofDays(7));

  private static final Pattern HOST =
      Pattern.compile(
          "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  public ChatRules {
    Objects.requireNonNull(messageTtl, "messageTtl");
    Objects.requireNonNull(clientIdWindow, "clientIdWindow");
    if (maxParticipants < 2 || maxMetadataChars < 2) {
      throw new IllegalArgumentException("a room holds two people and {} fits");
    }
    if (messageTtl.isNegative() || messageTtl.isZero()) {
      throw new IllegalArgumentException("messageTtl > 0: messages are at-least-once");
    }
    if (clientIdWindow.isNegative() || clientIdWindow.isZero()) {
      throw new IllegalArgumentException("clientIdWindow > 0");
    }
    attachmentHosts =
        attachmentHosts.stream()
            .map(h -> h.strip().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    for (String host : attachmentHosts) {
      if (!HOST.matcher(host).matches()) {
        throw new IllegalArgumentException("not a host name: " + host);
      }
    }
  }

  /** The 24-hour {@code client_msg_id} window and no attachment hosts. */
  public ChatRules(int maxParticipants, int maxMetadataChars, Duration messageTtl) {
    this(maxParticipants, maxMetadataChars, messageTtl, CLIENT_ID_WINDOW, Set.of());
  }

  /** These rules with {@code hosts} as the attachment allow-list. */
  public ChatRules withAttachmentHosts(Set<String> hosts) {
    return new ChatRules(maxParticipants, maxMetadataChars, messageTtl, clientIdWindow, hosts);
  }
}
