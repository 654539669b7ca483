package bd.com.getit.realtime.domain.chat;

import bd.com.getit.realtime.domain.AsciiSyntax;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;

/**
 * The key a client gives a message so that a retry of it is recognised (PROTOCOL section 10.2): 1
 * to 64 characters of {@code [A-Za-z0-9_.-]}, else {@code PAYLOAD_INVALID}.
 */
public record ClientMessageId(String value) {
  private static final AsciiSyntax SYNTAX = AsciiSyntax.of("A-Za-z0-9_.-", 1, 64);

  public ClientMessageId {
    if (!SYNTAX.matches(value)) {
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
