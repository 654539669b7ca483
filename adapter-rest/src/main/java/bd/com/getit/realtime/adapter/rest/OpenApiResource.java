package bd.com.getit.realtime.adapter.rest;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /openapi.json}: the API's OpenAPI 3 document, open to anyone. */
@Path("/openapi.json")
@PermitAll
@Hidden
public final class OpenApiResource {
  private final String document;

  OpenApiResource(String document) {
    this.document = document;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String document() {
    return document;
  }
}
