package bd.com.getit.realtime.core.chat;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.chat.MessageType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The check of an {@code image} or {@code file} message's {@code metadata.attachment} (PROTOCOL
 * section 10.2): the server relays a reference to a file stored elsewhere, never the file, so the
 * reference must be an {@code https} URL on a host the operator trusts, with a media type and a
 * size a client can show before it downloads. Anything else is {@code PAYLOAD_INVALID}.
 */
final class Attachments {
  /** The largest attachment: 25 MB, counted as 25 × 1024 × 1024 bytes. */
  static final long MAX_BYTES = 25L * 1024 * 1024;

  /** The longest URL and name taken: longer ones are not references a person chose. */
  static final int MAX_URL_CHARS = 2048;

  static final int MAX_NAME_CHARS = 255;

  /** {@code type/subtype} as RFC 6838 spells the names (parameters are not taken). */
  private static final Pattern MIME =
      Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");

  private Attachments() {}

  /**
   * @throws RealtimeException {@code PAYLOAD_INVALID} naming what is wrong, when {@code type} needs
   *     an attachment and {@code metadata} has no valid one
   */
  static void check(MessageType type, JsonValue.JsonObject metadata, Set<String> hosts) {
    if (type != MessageType.IMAGE && type != MessageType.FILE) {
      return;
    }
    JsonValue.JsonObject attachment =
        metadata
            .object("attachment")
            .orElseThrow(
                () ->
                    invalid(
                        type.wireName()
                            + " messages need metadata.attachment { url, mime_type, size_bytes }"));
    String url = string(attachment, "url");
    checkUrl(url, hosts);
    String mime = string(attachment, "mime_type");
    if (!MIME.matcher(mime).matches()) {
      throw invalid("metadata.attachment.mime_type is type/subtype, e.g. image/jpeg");
    }
    checkSize(attachment.get("size_bytes"));
    if (attachment.get("name").isPresent()) {
      String name = string(attachment, "name");
      if (name.isBlank() || name.length() > MAX_NAME_CHARS) {
        throw invalid("metadata.attachment.name is 1 to " + MAX_NAME_CHARS + " characters");
      }
    }
  }

  private static void checkUrl(String url, Set<String> hosts) {
    if (url.length() > MAX_URL_CHARS) {
      throw invalid("metadata.attachment.url is longer than " + MAX_URL_CHARS + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalid("metadata.attachment.url is not a URL");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      throw invalid("metadata.attachment.url must be an https URL");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid("metadata.attachment.url must not carry a user name or password");
    }
    String host = Optional.ofNullable(uri.getHost()).orElse("").toLowerCase(Locale.ROOT);
    if (host.isEmpty() || !hosts.contains(host)) {
      throw invalid(
          "metadata.attachment.url's host is not on the allowed list of attachment hosts");
    }
  }

  private static void checkSize(Optional<JsonValue> raw) {
    if (raw.isEmpty() || !(raw.get() instanceof JsonValue.JsonNumber number)) {
      throw invalid("metadata.attachment.size_bytes must be a number of bytes");
    }
    BigDecimal size = number.value();
    boolean whole = size.signum() == 0 || size.stripTrailingZeros().scale() <= 0;
    if (!whole
        || size.compareTo(BigDecimal.ONE) < 0
        || size.compareTo(BigDecimal.valueOf(MAX_BYTES)) > 0) {
      throw invalid("metadata.attachment.size_bytes is a whole number from 1 to " + MAX_BYTES);
    }
  }

  private static String string(JsonValue.JsonObject attachment, String field) {
    if (attachment.get(field).orElse(null) instanceof JsonValue.JsonString s) {
      return s.value();
    }
    throw invalid("metadata.attachment." + field + " must be a string");
  }

  private static RealtimeException invalid(String detail) {
    return new RealtimeException(ErrorCode.PAYLOAD_INVALID, detail);
  }
}
