package bd.com.getit.realtime.app;

import bd.com.getit.realtime.core.chat.ChatRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The chat settings read from the environment.
 *
 * @param attachmentHosts {@code REALTIME_ATTACHMENT_HOSTS}: the host names an {@code image} or
 *     {@code file} message's attachment URL may point at (PROTOCOL 10.2); none by default, so that
 *     no attachment is relayed until the operator names where files live
 */
public record ChatSettings(Set<String> attachmentHosts) {
  static final String HOSTS = "REALTIME_ATTACHMENT_HOSTS";

  public ChatSettings {
    attachmentHosts = Set.copyOf(attachmentHosts);
  }

  static ChatSettings from(Env env) {
    List<String> hosts = env.list(HOSTS, List.of());
    try {
      // Checked here, so that a bad name stops the start with one line naming the variable.
      ChatRules.DEFAULTS.withAttachmentHosts(Set.copyOf(hosts));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(HOSTS, e.getMessage() + " (host names, comma-separated)");
    }
    return new ChatSettings(new LinkedHashSet<>(hosts));
  }

  /** The core's chat rules with these settings. */
  ChatRules rules() {
    return ChatRules.DEFAULTS.withAttachmentHosts(attachmentHosts);
  }
}
