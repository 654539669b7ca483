package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.time.Instant;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** {@code GET /info} names the build (version and commit stamped at build time) and the node. */
class InfoIT {

  @Test
  void infoNamesTheVersionTheCommitTheStartAndTheNode() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    try (TestServer server = TestServer.start(Map.of("REALTIME_NODE_ID", "info-node"))) {
      HttpTestClient.Reply reply = new HttpTestClient(server.url()).get("/info", null);

      assertThat(reply.status()).isEqualTo(200);
      JSONObject info = new JSONObject(reply.body());
      assertThat(info.getString("name")).isEqualTo("realtime");
      assertThat(info.getString("version")).isEqualTo(System.getProperty("project.version"));
      assertThat(info.getString("commit")).matches("[0-9a-f]{7,40}|unknown");
      assertThat(Instant.parse(info.getString("started_at"))).isAfter(before);
      assertThat(info.getString("node_id")).isEqualTo("info-node");

      HttpTestClient.Reply post =
          new HttpTestClient(server.url()).send("POST", "/info", null, null, null);
      assertThat(post.status()).isEqualTo(405);
    }
  }
}
