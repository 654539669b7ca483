import bd.com.getit.realtime.app.security.NimbusTokenVerifier;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's CPU per token verification: distinct HS256 tokens of the shape realtime-bench's
 * load generator mints (one per socket), verified by the server's own {@code NimbusTokenVerifier} on
 * one thread, thread CPU time per round of N/2 tokens. Between rounds it verifies 5,000 other tokens
 * so that no round is answered by the verifier's cache of recent tokens.
 *
 * <pre>
 * java -cp app/target/realtime-server.jar realtime-bench/scripts/JwtCost.java [N]
 * </pre>
 */
public class JwtCost {
  public static void main(String[] args) throws Exception {
    String secret = "connect-helper-secret-0123456789abcdef";
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    var b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    long exp = System.currentTimeMillis() / 1000 + 7200;
    String[] tokens = new String[n];
    for (int i = 0; i < n; i++) {
      String claims = "{\"sub\":\"c" + i + "\",\"roles\":[\"customer\"],\"exp\":" + exp + "}";
      String input = header + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
      tokens[i] = input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }
    NimbusTokenVerifier v = NimbusTokenVerifier.hmac(secret, Optional.empty(), Optional.empty(), true, Duration.ofSeconds(30));
    var bean = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 10; round++) {
      long c0 = bean.getCurrentThreadCpuTime();
      int from = round % 2 == 0 ? 0 : n / 2; // distinct tokens per round: never the cache's
      for (int i = 0; i < n / 2; i++) {
        v.verify(tokens[from + i]);
      }
      long c1 = bean.getCurrentThreadCpuTime();
      System.out.printf("round %d: %.2f us CPU per token%n", round, (c1 - c0) / 1000.0 / (n / 2));
      // the cache remembers 4,096: verify 5,000 others so the next round misses it
      for (int i = 0; i < 5000; i++) {
        String claims = "{\"sub\":\"x" + round + "_" + i + "\",\"exp\":" + exp + "}";
        String input = header + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        v.verify(input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII))));
      }
    }
  }
}
