package bd.com.getit.realtime.adapter.rest;

import static bd.com.getit.realtime.adapter.rest.RestApiFixture.ADMIN;
import static bd.com.getit.realtime.adapter.rest.RestApiFixture.CUSTOMER;
import static bd.com.getit.realtime.adapter.rest.RestApiFixture.EXPIRED;
import static bd.com.getit.realtime.adapter.rest.RestApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.domain.presence.Presence;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import bd.com.getit.realtime.domain.presence.ShoppingActivity;
import bd.com.getit.realtime.port.in.MessagingUseCase.SendMessageCommand;
import bd.com.getit.realtime.port.in.PresenceUseCase.UpdatePresenceCommand;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The REST adapter in process over mocked use cases: routing, auth, errors, body handling. */
class RestApiTest {
  private static RestApiFixture api;

  @BeforeAll
  static void start() {
    api = new RestApiFixture(List.of("https://shop.example"), 2_000);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @BeforeEach
  void resetMocks() {
    reset(api.presence, api.chat, api.messaging, api.notifications, api.ingest, api.admin);
  }

  private static void assertProblem(HttpTestClient.Reply r, int status, ErrorCode code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    JsonNode p = json(r);
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(p.path("code").asText()).isEqualTo(code.name());
    assertThat(p.path("type").asText()).isNotBlank();
    assertThat(p.path("title").asText()).isNotBlank();
    assertThat(p.path("detail").asText()).isNotBlank();
    assertThat(p.path("detail_bn").asText())
        .isEqualTo(code.message(bd.com.getit.realtime.domain.Language.BN));
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("<html");
  }

  @Test
  void getPresenceMapsTheDomainToSnakeCase() {
    when(api.presence.get(any(), any()))
        .thenReturn(
            CompletableFuture.completedFuture(
                new Presence(
                    UserId.of("u2"),
                    PresenceStatus.ONLINE,
                    Optional.of(Instant.parse("2026-01-02T03:04:05Z")),
                    Optional.of("/cart"),
                    ShoppingActivity.NONE,
                    Optional.empty(),
                    2)));

    HttpTestClient.Reply r = api.http.get("/presence/u2", CUSTOMER);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.path("user_id").asText()).isEqualTo("u2");
    assertThat(body.path("status").asText()).isEqualTo("online");
    assertThat(body.path("last_seen").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(body.path("current_page").asText()).isEqualTo("/cart");
    assertThat(body.path("device_count").asInt()).isEqualTo(2);
    ArgumentCaptor<Caller> caller = ArgumentCaptor.forClass(Caller.class);
    verify(api.presence).get(caller.capture(), any());
    assertThat(caller.getValue().user()).isEqualTo(UserId.of("u1"));
    assertThat(caller.getValue().connection()).isEmpty();
  }

  @Test
  void theShoppingActivityIsShownToStaffAndAbsentForOthers() {
    when(api.presence.get(any(), any()))
        .thenReturn(
            CompletableFuture.completedFuture(
                new Presence(
                    UserId.of("u2"),
                    PresenceStatus.ONLINE,
                    Optional.empty(),
                    Optional.of("/checkout"),
                    new ShoppingActivity(Optional.of("p-77"), 3, true),
                    Optional.empty(),
                    1)));

    JsonNode toAdmin = json(api.http.get("/presence/u2", ADMIN));
    JsonNode toCustomer = json(api.http.get("/presence/u2", CUSTOMER));

    assertThat(toAdmin.path("activity").path("viewing_product").asText()).isEqualTo("p-77");
    assertThat(toAdmin.path("activity").path("cart_items").asInt()).isEqualTo(3);
    assertThat(toAdmin.path("activity").path("in_checkout").asBoolean()).isTrue();
    assertThat(toCustomer.has("activity")).isFalse();
    assertThat(toCustomer.path("current_page").asText()).isEqualTo("/checkout");
  }

  @Test
  void putPresencePassesTheRawUpdateToTheCore() {
    when(api.presence.update(any()))
        .thenReturn(
            CompletableFuture.completedFuture(Presence.offline(UserId.of("u1"), Optional.empty())));

    HttpTestClient.Reply r =
        api.http.put(
            "/presence",
            CUSTOMER,
            "{\"status\":\"busy\",\"current_page\":\"/p/1\",\"activity\":{\"cart_items\":3},"
                + "\"location\":\"Dhaka\"}");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    ArgumentCaptor<UpdatePresenceCommand> cmd =
        ArgumentCaptor.forClass(UpdatePresenceCommand.class);
    verify(api.presence).update(cmd.capture());
    assertThat(cmd.getValue().update().toJson())
        .isEqualTo(
            "{\"status\":\"busy\",\"current_page\":\"/p/1\",\"activity\":{\"cart_items\":3},"
                + "\"location\":\"Dhaka\"}");
  }

  @Test
  void postMessageAnswers201WithTheStoredMessage() {
    when(api.messaging.sendMessage(any()))
        .thenReturn(
            CompletableFuture.completedFuture(
                new ChatMessage(
                    MessageId.of("m1"),
                    RoomId.of("r1"),
                    UserId.of("u1"),
                    Role.CUSTOMER,
                    MessageType.TEXT,
                    "hello",
                    JsonValue.JsonObject.EMPTY,
                    Instant.parse("2026-01-02T03:04:05Z"))));

    HttpTestClient.Reply r =
        api.http.post("/chat/rooms/r1/messages", CUSTOMER, "{\"message\":\"hello\"}");

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode body = json(r);
    assertThat(body.path("channel").asText()).isEqualTo("chat:r1");
    assertThat(body.path("room_id").asText()).isEqualTo("r1");
    assertThat(body.path("sender_role").asText()).isEqualTo("customer");
    ArgumentCaptor<SendMessageCommand> cmd = ArgumentCaptor.forClass(SendMessageCommand.class);
    verify(api.messaging).sendMessage(cmd.capture());
    assertThat(cmd.getValue().channel()).isEqualTo("chat:r1");
    assertThat(cmd.getValue().message()).isEqualTo("hello");
  }

  @Test
  void noTokenIs401AuthRequiredWithBearerChallenge() {
    HttpTestClient.Reply r = api.http.get("/online-users", null);

    assertProblem(r, 401, ErrorCode.AUTH_REQUIRED);
    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    verifyNoInteractions(api.presence);
  }

  @Test
  void badAndExpiredTokensAre401WithTheirCodes() {
    assertProblem(api.http.get("/online-users", "forged"), 401, ErrorCode.AUTH_INVALID);
    assertProblem(api.http.get("/online-users", EXPIRED), 401, ErrorCode.AUTH_EXPIRED);
    HttpTestClient.Reply basic =
        api.http.send(
            "GET", "/online-users", null, null, null, Map.of("Authorization", "Basic dTpw"));
    assertProblem(basic, 401, ErrorCode.AUTH_INVALID);
    verifyNoInteractions(api.presence);
  }

  @Test
  void coreRefusalKeepsItsCodeAndStatus() {
    when(api.admin.stats(any()))
        .thenReturn(
            CompletableFuture.failedFuture(
                new RealtimeException(ErrorCode.FORBIDDEN, "admins only")));

    HttpTestClient.Reply r = api.http.get("/admin/stats", CUSTOMER);

    assertProblem(r, 403, ErrorCode.FORBIDDEN);
    assertThat(json(r).path("detail").asText()).isEqualTo("admins only");
  }

  @Test
  void rateLimitedIs429WithRetryAfter() {
    when(api.messaging.sendMessage(any()))
        .thenReturn(
            CompletableFuture.failedFuture(
                new RealtimeException(ErrorCode.RATE_LIMITED, "slow down", 2_500)));

    HttpTestClient.Reply r =
        api.http.post("/chat/rooms/r1/messages", CUSTOMER, "{\"message\":\"hi\"}");

    assertProblem(r, 429, ErrorCode.RATE_LIMITED);
    assertThat(r.header("Retry-After")).isEqualTo("3");
    assertThat(json(r).path("retry_after_ms").asLong()).isEqualTo(2_500);
  }

  @Test
  void unexpectedFailureIs500WithoutDetails() {
    when(api.presence.onlineUsers(any()))
        .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("secret internals")));

    HttpTestClient.Reply r = api.http.get("/online-users", CUSTOMER);

    assertProblem(r, 500, ErrorCode.INTERNAL);
    assertThat(r.body()).doesNotContain("secret internals");
  }

  @Test
  void unknownRouteIs404ProblemEvenWithoutToken() {
    assertProblem(api.http.get("/nope", null), 404, ErrorCode.NOT_FOUND);
    assertProblem(api.http.get("/nope", CUSTOMER), 404, ErrorCode.NOT_FOUND);
  }

  @Test
  void malformedPathIdIs404() {
    assertProblem(api.http.get("/chat/rooms/bad%20id", CUSTOMER), 404, ErrorCode.NOT_FOUND);
    verifyNoInteractions(api.chat);
  }

  @Test
  void wrongMethodIs405WithAllow() {
    HttpTestClient.Reply r = api.http.send("DELETE", "/online-users", CUSTOMER, null, null);

    assertThat(r.status()).isEqualTo(405);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.header("Allow")).contains("GET");
  }

  @Test
  void malformedJsonIs400() {
    HttpTestClient.Reply r = api.http.post("/chat/rooms", CUSTOMER, "{\"type\": ");

    assertProblem(r, 400, ErrorCode.PAYLOAD_INVALID);
    verifyNoInteractions(api.chat);
  }

  @Test
  void wrongTypeIs422NamingTheField() {
    HttpTestClient.Reply r = api.http.post("/chat/rooms", CUSTOMER, "{\"type\": 5}");

    assertProblem(r, 422, ErrorCode.PAYLOAD_INVALID);
    assertThat(json(r).path("detail").asText()).contains("type");
    verifyNoInteractions(api.chat);
  }

  @Test
  void missingFieldIs422NamingTheField() {
    HttpTestClient.Reply r = api.http.post("/chat/rooms", CUSTOMER, "{\"participants\": [\"u2\"]}");

    assertProblem(r, 422, ErrorCode.PAYLOAD_INVALID);
    assertThat(json(r).path("detail").asText()).startsWith("type ");
    verifyNoInteractions(api.chat);
  }

  @Test
  void unknownEnumValueIs422() {
    HttpTestClient.Reply r = api.http.post("/chat/rooms", CUSTOMER, "{\"type\": \"party\"}");

    assertProblem(r, 422, ErrorCode.PAYLOAD_INVALID);
    verifyNoInteractions(api.chat);
  }

  @Test
  void badQueryParameterIs422() {
    assertProblem(
        api.http.get("/chat/rooms/r1/messages?limit=ten", CUSTOMER),
        422,
        ErrorCode.PAYLOAD_INVALID);
    assertProblem(
        api.http.get("/chat/rooms/r1/messages?before=yesterday", CUSTOMER),
        422,
        ErrorCode.PAYLOAD_INVALID);
    verifyNoInteractions(api.chat);
  }

  @Test
  void freeFormFieldsPastTheSharedJsonLimitsAre422SayingWhy() {
    // Depth is the limit a body under this fixture's 2,000-byte cap can reach; the others are the
    // bridge's own tests.
    String deepArrays = "[".repeat(40) + "]".repeat(40);
    String deepObjects = "{\"a\":".repeat(33) + "{}" + "}".repeat(33);

    HttpTestClient.Reply event =
        api.http.post(
            "/events", ADMIN, "{\"event\":\"price_drop\",\"data\":{\"x\":" + deepArrays + "}}");
    HttpTestClient.Reply room =
        api.http.post(
            "/chat/rooms", CUSTOMER, "{\"type\":\"group_chat\",\"metadata\":" + deepObjects + "}");

    assertProblem(event, 422, ErrorCode.PAYLOAD_INVALID);
    assertThat(json(event).path("detail").asText()).isEqualTo("the payload is nested too deeply");
    assertProblem(room, 422, ErrorCode.PAYLOAD_INVALID);
    assertThat(json(room).path("detail").asText()).isEqualTo("the payload is nested too deeply");
    verifyNoInteractions(api.ingest, api.chat);
  }

  @Test
  void arrayWhereObjectBelongsIs422() {
    assertProblem(api.http.post("/events", ADMIN, "[1,2]"), 422, ErrorCode.PAYLOAD_INVALID);
    verifyNoInteractions(api.ingest);
  }

  @Test
  void bodyOverTheLimitIs413ByLengthAndWhenChunked() {
    String big = "{\"message\":\"" + "x".repeat(3_000) + "\"}";

    assertProblem(
        api.http.post("/chat/rooms/r1/messages", CUSTOMER, big), 413, ErrorCode.PAYLOAD_TOO_LARGE);

    java.net.http.HttpRequest chunked =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(api.http.baseUrl() + "/chat/rooms/r1/messages"))
            .header("Authorization", "Bearer " + CUSTOMER)
            .header("Content-Type", "application/json")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(big.getBytes())))
            .build();
    HttpTestClient.Reply r = api.http.send(chunked);
    assertProblem(r, 413, ErrorCode.PAYLOAD_TOO_LARGE);
    verifyNoInteractions(api.messaging);
  }

  @Test
  void aBodyInNoUnicodeEncodingIs400Not500() {
    // found by RestBodyFuzzTest: leading zero bytes make Jackson read UTF-32, and a code point
    // past U+10FFFF then threw CharConversionException, which answered 500
    byte[] body = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xa6, 0, 0, 2};
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.http.baseUrl() + "/presence"))
            .header("Authorization", "Bearer " + CUSTOMER)
            .header("Content-Type", "application/json")
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
            .build();

    HttpTestClient.Reply r = api.http.send(request);

    assertProblem(r, 400, ErrorCode.PAYLOAD_INVALID);
    assertThat(json(r).path("detail").asText()).isEqualTo("the body is not well-formed JSON");
    verifyNoInteractions(api.presence);
  }

  @Test
  void wrongMediaTypeIs415() {
    HttpTestClient.Reply r =
        api.http.send("POST", "/chat/rooms", CUSTOMER, "text/plain", "{\"type\":\"group_chat\"}");

    assertThat(r.status()).isEqualTo(415);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    verifyNoInteractions(api.chat);
  }

  @Test
  void preflightFromAnAllowedOriginIsAnswered() {
    HttpTestClient.Reply r =
        api.http.send(
            "OPTIONS",
            "/chat/rooms",
            null,
            null,
            null,
            Map.of(
                "Origin", "https://shop.example",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type"));

    assertThat(r.status()).isEqualTo(204);
    assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
    assertThat(r.header("Access-Control-Allow-Methods")).contains("POST");
    assertThat(r.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
  }

  @Test
  void preflightFromAnotherOriginIsRefused() {
    HttpTestClient.Reply r =
        api.http.send(
            "OPTIONS",
            "/chat/rooms",
            null,
            null,
            null,
            Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));

    assertProblem(r, 403, ErrorCode.FORBIDDEN);
    assertThat(r.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void responsesCarryCorsHeadersOnlyForAllowedOrigins() {
    HttpTestClient.Reply allowed =
        api.http.send(
            "GET", "/online-users", null, null, null, Map.of("Origin", "https://shop.example"));
    HttpTestClient.Reply refused =
        api.http.send(
            "GET", "/online-users", null, null, null, Map.of("Origin", "https://evil.example"));

    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
    assertThat(allowed.header("Access-Control-Expose-Headers")).contains("Retry-After");
    assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void openApiDocumentIsServedWithoutToken() {
    HttpTestClient.Reply r = api.http.get("/openapi.json", null);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode doc = json(r);
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    assertThat(doc.path("paths").has("/chat/rooms/{room_id}/messages")).isTrue();
    assertThat(
            doc.path("components")
                .path("schemas")
                .path("RoomView")
                .path("properties")
                .has("room_id"))
        .isTrue();
  }
}
