package bd.com.getit.realtime.app;

import bd.com.getit.realtime.port.out.IdGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * 128-bit random ids, URL-safe base64 (22 characters): unique across nodes without coordination.
 */
final class RandomIds implements IdGenerator {
  private final SecureRandom random = new SecureRandom();
  private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

  @Override
  public String next() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return encoder.encodeToString(bytes);
  }
}
