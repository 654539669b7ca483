package bd.com.getit.realtime.domain.chat;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import java.util.regex.Pattern;

/**
 * The key a client gives a message so that a retry of it is recognised (PROTOCOL section 10.2): 1
 * to 64 characters of {@code [A-Za-z0-9_.-]}, else {@code PAYLOAD_INVALID}.
 */
public record ClientMessageId(String value) {
  private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public ClientMessageId {
    if (value == null || !SYNTAX.matcher(value).matches()) {
      throw new RealtimeException(
          ErrorCode.PAYLOAD_INVALID, "client_msg_id is 1 to 64 characters of A-Z a-z 0-9 _ . -");
    }
  }

  public static ClientMessageId of(String value) {
    return new ClientMessageId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
