package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JWT attack suite over the Socket.IO CONNECT (PROTOCOL section 2): every forged or broken
 * token of {@link JwtAttacks} is refused with its code, against an HS256 server, an RS256 server
 * (algorithm confusion) and a JWKS server (key rotation), while a good client keeps being served.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JwtAttackIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "attack-suite-secret-0123456789-0123456789";
  private static final KeyPair RSA = JwtAttacks.rsaKeyPair();
  private static final KeyPair JWKS_OLD = JwtAttacks.rsaKeyPair();
  private static final KeyPair JWKS_NEW = JwtAttacks.rsaKeyPair();

  static TestServer hmac;
  static TestServer rsa;
  static TestServer jwksServer;
  static JwksServer jwks;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> claims =
        Map.of(
            "REALTIME_JWT_ISSUER", JwtAttacks.ISSUER, "REALTIME_JWT_AUDIENCE", JwtAttacks.AUDIENCE);
    hmac = TestServer.start(with(claims, "REALTIME_JWT_SECRET", SECRET));
    rsa =
        TestServer.start(
            with(
                with(claims, "REALTIME_JWT_SECRET", ""),
                "REALTIME_JWT_PUBLIC_KEY",
                JwtAttacks.pem(RSA.getPublic())));
    jwks = JwksServer.start(JwtAttacks.jwk(JWKS_OLD, "k1"));
    jwksServer =
        TestServer.start(
            with(with(claims, "REALTIME_JWT_SECRET", ""), "REALTIME_JWT_JWKS_URL", jwks.url()));
  }

  @AfterAll
  static void stop() {
    Stream.of(hmac, rsa, jwksServer).filter(s -> s != null).forEach(TestServer::close);
    if (jwks != null) {
      jwks.close();
    }
  }

  static Map<String, String> with(Map<String, String> env, String name, String value) {
    Map<String, String> out = new java.util.HashMap<>(env);
    out.put(name, value);
    return out;
  }

  static List<JwtAttacks.Case> hmacAttacks() {
    return JwtAttacks.againstHmac(SECRET);
  }

  static List<JwtAttacks.Case> rsaAttacks() {
    return JwtAttacks.againstRsaKey(RSA);
  }

  @ParameterizedTest(name = "HS256 server refuses {0}")
  @MethodSource("hmacAttacks")
  void hmacServerRefuses(JwtAttacks.Case attack) throws Exception {
    assertRefused(hmac, attack);
  }

  @ParameterizedTest(name = "RS256 server refuses {0}")
  @MethodSource("rsaAttacks")
  void rsaServerRefuses(JwtAttacks.Case attack) throws Exception {
    assertRefused(rsa, attack);
  }

  @Test
  void validTokensAreAcceptedByEachServer() throws Exception {
    assertThat(connect(hmac, JwtAttacks.valid(SECRET, "u-hmac")).get("sid").asText()).isNotBlank();
    String signed = JwtAttacks.rs256(RSA, null, JwtAttacks.claims("u-rsa").build());
    assertThat(connect(rsa, signed).get("sid").asText()).isNotBlank();
    String fromJwks = JwtAttacks.rs256(JWKS_OLD, "k1", JwtAttacks.claims("u-jwks").build());
    assertThat(connect(jwksServer, fromJwks).get("sid").asText()).isNotBlank();
  }

  @Test
  void jwksServerRefusesHmacAndForeignKeys() throws Exception {
    for (JwtAttacks.Case attack : JwtAttacks.againstRsaKey(JWKS_OLD)) {
      assertRefused(jwksServer, attack);
    }
    // the right kid, the wrong key
    String forged =
        JwtAttacks.rs256(JwtAttacks.strangerKey(), "k1", JwtAttacks.claims("mallory").build());
    assertRefused(
        jwksServer, new JwtAttacks.Case("kid k1, another key", forged, code("AUTH_INVALID")));
  }

  @Test
  @Order(Integer.MAX_VALUE) // last: it retires the key the other tests sign with
  void jwksKeyRotationIsFollowedAfterARefetch() throws Exception {
    String oldToken = JwtAttacks.rs256(JWKS_OLD, "k1", JwtAttacks.claims("rotated").build());
    String newToken = JwtAttacks.rs256(JWKS_NEW, "k2", JwtAttacks.claims("rotated").build());
    assertThat(connect(jwksServer, oldToken).has("sid")).isTrue();

    jwks.serve(JwtAttacks.jwk(JWKS_NEW, "k2"));
    int before = jwks.fetches();
    // The first token with the unknown kid asks for a refetch; once it landed, k2 is accepted.
    await()
        .atMost(Duration.ofSeconds(45)) // beyond one rate-limit window, should it bite
        .pollInterval(Duration.ofMillis(100))
        .until(() -> connect(jwksServer, newToken).has("sid"));
    assertThat(jwks.fetches()).isGreaterThan(before);

    JsonNode refused = connect(jwksServer, oldToken);
    assertThat(refused.path("data").path("code").asText()).isEqualTo("AUTH_INVALID");
  }

  @Test
  void aGoodClientIsServedWhileAttacksRun() throws Exception {
    try (Client good = Client.connect(hmac, JwtAttacks.valid(SECRET, "steady"), Client.WEBSOCKET)) {
      JSONObject join =
          good.call("join_channel", new JSONObject().put("channels", List.of("product:steady")));
      assertThat(join.getBoolean("ok")).isTrue();

      ExecutorService attackers = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
          for (JwtAttacks.Case attack : hmacAttacks()) {
            running.add(attackers.submit(() -> assertRefused(hmac, attack)));
          }
        }
        for (int n = 0; n < 20; n++) {
          hmac.publish("product:steady", n);
        }
        for (int n = 0; n < 20; n++) {
          JSONObject event = (JSONObject) good.await("product_price_change")[0];
          assertThat(event.getJSONObject("data").getInt("n")).isEqualTo(n);
        }
        for (Future<?> attack : running) {
          attack.get();
        }
      } finally {
        attackers.shutdownNow();
      }
      assertThat(good.socket.connected()).isTrue();
      JSONObject again =
          good.call("join_channel", new JSONObject().put("channels", List.of("product:after")));
      assertThat(again.getBoolean("ok")).isTrue();
    }
  }

  private static bd.com.getit.realtime.domain.ErrorCode code(String name) {
    return bd.com.getit.realtime.domain.ErrorCode.valueOf(name);
  }

  static void assertRefused(TestServer server, JwtAttacks.Case attack) {
    JsonNode reply = connect(server, attack.token());
    assertThat(reply.has("sid")).as("%s was accepted", attack.name()).isFalse();
    assertThat(reply.path("message").asText()).as(attack.name()).isEqualTo("unauthorized");
    assertThat(reply.path("data").path("code").asText())
        .as(attack.name())
        .isEqualTo(attack.expected().name());
  }

  /** Sends a CONNECT with {@code token}; the data of the reply (CONNECT or CONNECT_ERROR). */
  static JsonNode connect(TestServer server, String token) {
    try (RawClient c = RawClient.open(server.port())) {
      assertThat(c.next()).startsWith("0{");
      c.send("40/realtime," + JSON.writeValueAsString(Map.of("token", token)));
      String reply = c.next("4");
      assertThat(reply).matches("4[04]/realtime,.*");
      return JSON.readTree(reply.substring("40/realtime,".length()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
