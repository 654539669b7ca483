package bd.com.getit.realtime.bench.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints HS256 JWTs for the bench's users with the secret both servers are started with. Not
 * thread-safe (one {@link Mac}); create one per thread.
 */
public final class Tokens {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER =
      B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final Mac mac;

  public Tokens(String secret) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** A token for {@code user} with {@code role}, valid for two hours. */
  public String token(String user, String role) {
    long exp = System.currentTimeMillis() / 1000 + 7200;
    String claims = "{\"sub\":\"" + user + "\",\"roles\":[\"" + role + "\"],\"exp\":" + exp + "}";
    String signingInput =
        HEADER + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + B64.encodeToString(signature);
  }
}
