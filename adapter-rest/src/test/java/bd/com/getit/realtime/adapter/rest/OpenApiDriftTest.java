package bd.com.getit.realtime.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document lists exactly the operations of Jersey's own resource model: a route
 * added, removed or renamed without the document following fails here.
 */
class OpenApiDriftTest {
  private static RestApiFixture api;

  @BeforeAll
  static void start() {
    api = new RestApiFixture(List.of("*"), RestOptions.DEFAULT_MAX_BODY_BYTES);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void documentMatchesJerseysResourceModel() throws Exception {
    Set<String> documented = new TreeSet<>();
    JsonNode paths =
        new ObjectMapper().readTree(api.http.get("/openapi.json", null).body()).path("paths");
    paths
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey())));

    Set<String> served = new TreeSet<>();
    ApplicationHandler handler = new ApplicationHandler(api.config);
    ExtendedResourceContext context =
        handler.getInjectionManager().getInstance(ExtendedResourceContext.class);
    for (Resource root : context.getResourceModel().getRootResources()) {
      collect(root, "", served);
    }
    served.remove("GET /openapi.json"); // the document does not describe itself

    assertThat(served).hasSizeGreaterThanOrEqualTo(17);
    assertThat(documented).isEqualTo(served);
  }

  @Test
  void documentUsesSnakeCaseAndTheProblemSchema() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(api.http.get("/openapi.json", null).body());
    JsonNode schemas = doc.path("components").path("schemas");
    assertThat(schemas.path("SendNotification").path("properties").has("notification_type"))
        .isTrue();
    assertThat(schemas.path("Problem").path("properties").has("detail_bn")).isTrue();
    assertThat(
            doc.path("paths")
                .path("/admin/stats")
                .path("get")
                .path("responses")
                .path("default")
                .path("content")
                .has("application/problem+json"))
        .isTrue();
    assertThat(doc.path("servers").get(0).path("url").asText()).isEqualTo(RestApi.BASE_PATH);
  }

  private static void collect(Resource resource, String parent, Set<String> out) {
    String path = join(parent, resource.getPath());
    for (ResourceMethod method : resource.getResourceMethods()) {
      if (!method.isExtended()) { // Jersey's generated OPTIONS and HEAD
        out.add(method.getHttpMethod() + " " + path);
      }
    }
    for (Resource child : resource.getChildResources()) {
      collect(child, path, out);
    }
  }

  private static String join(String parent, String path) {
    String joined = ("/" + parent + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }
}
