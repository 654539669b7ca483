package bd.com.getit.realtime.adapter.websocket.gateway;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/** New socket ids: 20 url-safe characters from 120 random bits, unguessable and unique. */
final class ConnectionIds implements Supplier<String> {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random = new SecureRandom();

  @Override
  public String get() {
    byte[] bytes = new byte[15];
    random.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }
}
