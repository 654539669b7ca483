package bd.com.getit.realtime.app.e2e;

import static bd.com.getit.realtime.app.e2e.ClusterApi.publishPrice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.app.ConfigException;
import bd.com.getit.realtime.testkit.TestCertificates;
import bd.com.getit.realtime.testsupport.EmbeddedRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes configured as an operator would, through the environment, on a Redis that speaks mutual
 * TLS only: a REST publication on one node reaches a subscriber on the other, over the cluster bus
 * on TLS. A client key that does not match its certificate stops the start.
 */
class RedisTlsClusterIT {
  @TempDir static Path dir;
  static TestCertificates ca;
  static TestCertificates.Issued client;
  static EmbeddedRedis redis;
  static int tlsPort;
  static TestServer node1;
  static TestServer node2;

  @BeforeAll
  static void start() throws Exception {
    ca = TestCertificates.authority(dir, "cluster-ca");
    TestCertificates.Issued server = ca.issue("redis", "DNS:localhost", "IP:127.0.0.1");
    client = ca.issue("realtime-node");
    redis = EmbeddedRedis.tlsOnly(server.certificate(), server.key(), ca.certificate(), true);
    tlsPort = redis.port();
    node1 = TestServer.start(env("tls-node-1", client.key()));
    node2 = TestServer.start(env("tls-node-2", client.key()));
  }

  @AfterAll
  static void stop() throws Exception {
    for (TestServer node : new TestServer[] {node1, node2}) {
      if (node != null) {
        node.close();
      }
    }
    if (redis != null) {
      redis.close();
    }
  }

  static Map<String, String> env(String node, Path key) {
    Map<String, String> env = new HashMap<>();
    env.put("REALTIME_NODE_ID", node);
    env.put("REALTIME_REDIS_URL", "rediss://localhost:" + tlsPort);
    env.put("REALTIME_REDIS_KEY_PREFIX", "tls-cluster-it:");
    env.put("REALTIME_REDIS_TLS_CA_FILE", ca.certificate().toString());
    env.put("REALTIME_REDIS_TLS_CERT_FILE", client.certificate().toString());
    env.put("REALTIME_REDIS_TLS_KEY_FILE", key.toString());
    return env;
  }

  @Test
  void aRestPublicationOnOneNodeReachesASubscriberOnTheOtherOverTls() throws Exception {
    try (Client onNode2 = Client.connect(node2, TestServer.token("tls-fan"), Client.WEBSOCKET)) {
      JSONObject ack =
          onNode2.call("join_channel", new JSONObject("{\"channels\":[\"product:tls\"]}"));
      assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();

      publishPrice(node1, "product:tls", 42);

      assertThat(onNode2.awaitObject("product_price_change").getJSONObject("data").getInt("n"))
          .isEqualTo(42);
    }
    HttpResponse<String> ready =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(node1.url() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(ready.body()).contains("\"redis\":\"UP\"");
    assertThat(ready.statusCode()).isEqualTo(200);
  }

  @Test
  void aClientKeyOfAnotherCertificateStopsTheStartNamingTheVariable() {
    TestCertificates.Issued stranger = ca.issue("stranger");

    assertThatThrownBy(() -> TestServer.start(env("tls-node-3", stranger.key())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REALTIME_REDIS_TLS_KEY_FILE: ")
        .hasMessageContaining("does not belong to the certificate CN=realtime-node");
  }
}
