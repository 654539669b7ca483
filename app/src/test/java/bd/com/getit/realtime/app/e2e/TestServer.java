package bd.com.getit.realtime.app.e2e;

import bd.com.getit.realtime.app.AppConfig;
import bd.com.getit.realtime.app.RealtimeServer;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A reference server on a free loopback port with a known HS256 secret, and tokens for it. */
final class TestServer implements AutoCloseable {
  static final String SECRET = "e2e-secret-0123456789-0123456789-0123456789";

  /** Where the REST API lives under the server's root. */
  static final String API = "/api/v1/realtime";

  final RealtimeServer server;

  private TestServer(Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("REALTIME_HOST", "127.0.0.1");
    env.put("REALTIME_PORT", "0");
    env.put("REALTIME_JWT_SECRET", SECRET);
    env.put("REALTIME_SHUTDOWN_GRACE_SECONDS", "1");
    env.putAll(extra);
    server = RealtimeServer.start(AppConfig.from(env));
  }

  static TestServer start() throws Exception {
    return new TestServer(Map.of());
  }

  static TestServer start(Map<String, String> env) throws Exception {
    return new TestServer(env);
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  int port() {
    return server.port();
  }

  /** A client of this server's REST API ({@code /api/v1/realtime}). */
  HttpTestClient rest() {
    return new HttpTestClient(url() + API);
  }

  static String token(String user, String... roles) {
    return token(user, Instant.now().plusSeconds(600), Map.of(), roles);
  }

  static String token(String user, Instant expiry, Map<String, Object> claims, String... roles) {
    try {
      JWTClaimsSet.Builder b =
          new JWTClaimsSet.Builder()
              .subject(user)
              .expirationTime(Date.from(expiry))
              .claim("roles", List.of(roles.length == 0 ? new String[] {"customer"} : roles));
      claims.forEach(b::claim);
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), b.build());
      jwt.sign(new MACSigner(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes {@code product_price_change} with data {@code {n}} as a service would. */
  void publish(String channel, int n) {
    try {
      server
          .core()
          .ingest()
          .ingest(
              new EventIngestUseCase.IngestCommand(
                  Caller.of(Principal.of(UserId.of("svc"), Set.of(Role.SERVICE))),
                  JsonValue.JsonObject.builder()
                      .put("event", "product_price_change")
                      .put("channel", channel)
                      .put("data", JsonValue.JsonObject.builder().put("n", n).build())
                      .build()))
          .toCompletableFuture()
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
