// Swagger UI (from its WebJar) on the server's own OpenAPI document.
window.ui = SwaggerUIBundle({
  url: "../v1/realtime/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
});
