package bd.com.getit.realtime.adapter.websocket.socketio;

import java.security.SecureRandom;
import java.util.Base64;

/** Random Socket.IO socket ids and private session ids, 120 bits as Node's {@code base64id}. */
public final class SocketIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private SocketIds() {}

  /** A new 20-character URL-safe id. */
  public static String generate() {
    byte[] bytes = new byte[15];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }
}
