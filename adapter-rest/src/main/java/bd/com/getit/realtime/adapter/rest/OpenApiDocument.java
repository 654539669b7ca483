package bd.com.getit.realtime.adapter.rest;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI 3 document, generated from the resource classes themselves (swagger-core), so that it
 * describes the routes Jersey serves; every operation also lists the problem+json error.
 */
final class OpenApiDocument {
  private OpenApiDocument() {}

  static String json(List<Class<?>> resources) {
    try {
      return Json.mapper().writeValueAsString(build(resources));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the OpenAPI document", e);
    }
  }

  static OpenAPI build(List<Class<?>> resources) {
    OpenAPI base =
        new OpenAPI()
            .info(
                new Info()
                    .title("Realtime REST API")
                    .version("v1")
                    .description(
                        "PROTOCOL section 9. JSON in snake_case; errors are"
                            + " application/problem+json (RFC 9457) with code and detail_bn."))
            .servers(List.of(new Server().url(RestApi.BASE_PATH)))
            .components(
                new Components()
                    .addSecuritySchemes(
                        "bearer",
                        new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")))
            .addSecurityItem(new SecurityRequirement().addList("bearer"));
    Reader reader = new Reader(new SwaggerConfiguration().openAPI(base));
    OpenAPI api = reader.read(new LinkedHashSet<>(resources));
    @SuppressWarnings("rawtypes") // swagger-core's own signature
    Map<String, Schema> problem = ModelConverters.getInstance().readAll(Problem.class);
    problem.forEach(api.getComponents()::addSchemas);
    ApiResponse error =
        new ApiResponse()
            .description("an error: 400, 401, 403, 404, 413, 415, 422, 429 (with Retry-After)")
            .content(
                new Content()
                    .addMediaType(
                        Problem.MEDIA_TYPE,
                        new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    api.getPaths()
        .values()
        .forEach(item -> item.readOperations().forEach(op -> addDefault(op, error)));
    return api;
  }

  private static void addDefault(Operation op, ApiResponse error) {
    if (op.getResponses() != null && !op.getResponses().containsKey("default")) {
      op.getResponses().addApiResponse("default", error);
    }
  }

  /** The operations the document lists, as {@code "GET /presence/{user_id}"}. */
  static Set<String> operations(OpenAPI api) {
    Set<String> ops = new java.util.TreeSet<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap().keySet().forEach(m -> ops.add(m.name() + " " + path)));
    return ops;
  }
}
