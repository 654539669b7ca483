package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official JavaScript client ({@code socket.io-client} 4.8, installed from the npm registry
 * into {@code target/js-client}) against the server: both transports, a refused token, and
 * connection state recovery reported as {@code socket.recovered}. The same client is type-checked
 * against the project's TypeScript declarations ({@code clients/typescript}), so they cannot drift
 * from what the server is seen to do.
 */
class JsClientIT {
  static TestServer server;
  static Path workDir;

  @BeforeAll
  static void install() throws Exception {
    server = TestServer.start();
    workDir = NpmPackages.install();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void officialJavaScriptClientWorksOnBothTransportsAndRecovers() throws Exception {
    String output =
        run(
            List.of(
                "node",
                "js-client.mjs",
                server.url(),
                TestServer.token("js-user"),
                TestServer.token("js-service", "service")),
            120);
    JsonNode result = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
    assertThat(result.has("error")).as(output).isFalse();

    for (String transport : List.of("websocket", "polling")) {
      JsonNode t = result.get(transport);
      assertThat(t.get("user").asText()).isEqualTo("js-user");
      assertThat(t.get("ack").get("ok").asBoolean()).isTrue();
      assertThat(t.get("ack").get("joined").get(0).asText()).isEqualTo("product:js");
    }
    assertThat(result.get("connectError").get("message").asText()).isEqualTo("unauthorized");
    assertThat(result.get("connectError").get("data").get("code").asText())
        .isEqualTo("AUTH_INVALID");

    JsonNode recovery = result.get("recovery");
    assertThat(recovery.get("recovered").asBoolean()).as(output).isTrue();
    assertThat(recovery.get("sameId").asBoolean()).isTrue();
    assertThat(recovery.get("received").toString()).isEqualTo("[0,1,2]");
  }

  @Test
  void clientTypeChecksAgainstTheTypeScriptDeclarations() throws Exception {
    // tsc exits non-zero on an event name, payload field or payload type the declarations refuse.
    String output = run(List.of("node", "node_modules/typescript/bin/tsc", "-p", "."), 120);
    assertThat(output).as("tsc output").doesNotContain("error TS");
  }

  private static String run(List<String> command, int seconds)
      throws IOException, InterruptedException {
    return NpmPackages.run(command, seconds);
  }
}
