package bd.com.getit.realtime.adapter.websocket.engineio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The key check and the {@code Sec-WebSocket-Accept} value of a websocket handshake (RFC 6455
 * section 4.2.1 and 4.2.2). One SHA-1 digest per thread: looking one up per handshake was a visible
 * share of a handshake's CPU.
 */
final class WebSocketAccept {

  private static final byte[] GUID =
      "258EAFA5-E914-47DA-95CA-C5AB0DC85B11".getBytes(StandardCharsets.US_ASCII);

  private static final ThreadLocal<MessageDigest> SHA1 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("the JDK has no SHA-1", e);
            }
          });

  private WebSocketAccept() {}

  /** Whether {@code key} is the base64 encoding of 16 bytes, as a client's key must be. */
  static boolean validKey(String key) {
    if (key == null || key.length() != 24) {
      return false;
    }
    try {
      return Base64.getDecoder().decode(key).length == 16;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The {@code Sec-WebSocket-Accept} value answering {@code key}. */
  static String of(String key) {
    MessageDigest sha1 = SHA1.get();
    sha1.reset();
    sha1.update(key.getBytes(StandardCharsets.US_ASCII));
    sha1.update(GUID);
    return Base64.getEncoder().encodeToString(sha1.digest());
  }
}
