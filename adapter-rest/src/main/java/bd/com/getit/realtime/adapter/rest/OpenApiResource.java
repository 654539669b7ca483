package bd.com.getit.realtime.adapter.rest;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /openapi.json}: the API's OpenAPI 3 document, open to anyone. The document is built on
 * its first request, not at start: swagger-core's reader and model resolver load classes (class
 * metadata, compiled code) that a node which is never asked for its document should not keep
 * resident (BENCHMARKS.md, "Memory (2026-12-07, evening)").
 */
@Path("/openapi.json")
@PermitAll
@Hidden
public final class OpenApiResource {
  private final List<Class<?>> resources;
  private volatile String document;

  OpenApiResource(List<Class<?>> resources) {
    this.resources = List.copyOf(resources);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String document() {
    String built = document;
    if (built == null) {
      synchronized (this) {
        built = document;
        if (built == null) {
          built = OpenApiDocument.json(resources);
          document = built;
        }
      }
    }
    return built;
  }
}
