package bd.com.getit.realtime.adapter.rest;

import static bd.com.getit.realtime.adapter.rest.RestApiFixture.ADMIN;
import static bd.com.getit.realtime.adapter.rest.RestApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.port.in.EventIngestUseCase.IngestCommand;
import bd.com.getit.realtime.port.in.EventIngestUseCase.Ingested;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;

/**
 * {@code POST /events} answers the same whichever way it is served: the publish route takes a plain
 * request (a JSON body with a length, no {@code Origin}), Jersey a chunked one or a browser's.
 */
class PublishRouteTest {
  private static final String ORIGIN = "https://shop.example";
  private static RestApiFixture api;
  private static ScheduledExecutorService later;

  /** The ways a request reaches the route. */
  enum Way {
    PLAIN,
    CHUNKED,
    BROWSER
  }

  @BeforeAll
  static void start() {
    api = new RestApiFixture(List.of(ORIGIN), 2_000);
    later = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterAll
  static void stop() {
    api.close();
    later.shutdownNow();
  }

  @BeforeEach
  void resetMocks() {
    reset(api.ingest);
  }

  private static HttpTestClient.Reply publish(Way way, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api.http.baseUrl() + "/events"))
            .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (way == Way.CHUNKED) {
      request.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    } else {
      request.POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    }
    if (way == Way.BROWSER) {
      request.header("Origin", ORIGIN);
    }
    return api.http.send(request.build());
  }

  private static void assertProblem(
      HttpTestClient.Reply r, int status, String code, String detail) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(json(r).path("code").asText()).isEqualTo(code);
    assertThat(json(r).path("detail").asText()).isEqualTo(detail);
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void aValidEventIsIngestedAsItsEnvelopeAndAnswered202WithItsId(Way way) {
    when(api.ingest.ingest(any()))
        .thenReturn(CompletableFuture.completedFuture(new Ingested(EventId.of("e-1"), false)));

    HttpTestClient.Reply r =
        publish(
            way,
            ADMIN,
            "{\"id\":\"e-1\",\"event\":\"price_drop\",\"channel\":\"product:42\","
                + "\"data\":{\"price\":990.50,\"name\":\"চাল\"},\"priority\":\"high\","
                + "\"recipients\":[\"u1\"],\"ttl_seconds\":60,\"persist\":true,\"future\":1}");

    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    assertThat(json(r).path("id").asText()).isEqualTo("e-1");
    ArgumentCaptor<IngestCommand> command = ArgumentCaptor.forClass(IngestCommand.class);
    verify(api.ingest).ingest(command.capture());
    assertThat(command.getValue().caller().user().value()).isEqualTo("root");
    assertThat(command.getValue().envelope().toJson())
        .isEqualTo(
            "{\"id\":\"e-1\",\"event\":\"price_drop\",\"channel\":\"product:42\","
                + "\"data\":{\"price\":990.50,\"name\":\"চাল\"},\"priority\":\"high\","
                + "\"recipients\":[\"u1\"],\"ttl_seconds\":60,\"persist\":true}");
    if (way == Way.BROWSER) {
      assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    }
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void anIngestThatCompletesLaterIsAnsweredWhenItDoes(Way way) {
    CompletableFuture<Ingested> done = new CompletableFuture<>();
    later.schedule(
        () -> done.complete(new Ingested(EventId.of("e-2"), true)), 200, TimeUnit.MILLISECONDS);
    when(api.ingest.ingest(any())).thenReturn(done);

    HttpTestClient.Reply r = publish(way, ADMIN, "{\"event\":\"price_drop\"}");

    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(json(r).path("id").asText()).isEqualTo("e-2");
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void aFailedIngestIsItsProblem(Way way) {
    when(api.ingest.ingest(any()))
        .thenReturn(
            CompletableFuture.failedFuture(
                new bd.com.getit.realtime.domain.RealtimeException(
                    bd.com.getit.realtime.domain.ErrorCode.FORBIDDEN, "not yours")));

    assertProblem(publish(way, ADMIN, "{\"event\":\"price_drop\"}"), 403, "FORBIDDEN", "not yours");
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void withoutATokenIs401AndNothingIsRead(Way way) {
    HttpTestClient.Reply r = publish(way, null, "{\"event\":\"price_drop\"}");

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(json(r).path("code").asText()).isEqualTo("AUTH_REQUIRED");
    verify(api.ingest, never()).ingest(any());
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void badBodiesAreRefusedAlikeAndNothingIsIngested(Way way) {
    assertProblem(
        publish(way, ADMIN, "{\"event\":"),
        400,
        "PAYLOAD_INVALID",
        "the body is not well-formed JSON");
    assertProblem(
        publish(way, ADMIN, "[1,2]"), 422, "PAYLOAD_INVALID", "the body must be a JSON object");
    assertProblem(
        publish(way, ADMIN, "{\"data\":{}}"), 422, "PAYLOAD_INVALID", "event must not be blank");
    assertProblem(
        publish(way, ADMIN, "{\"event\":\"  \"}"),
        422,
        "PAYLOAD_INVALID",
        "event must not be blank");
    assertProblem(
        publish(way, ADMIN, "{\"event\":\"x\",\"ttl_seconds\":\"60\"}"),
        422,
        "PAYLOAD_INVALID",
        "wrong type or shape at ttl_seconds");
    assertProblem(
        publish(way, ADMIN, "{\"event\":\"x\",\"ttl_seconds\":1.5}"),
        422,
        "PAYLOAD_INVALID",
        "ttl_seconds must be a whole number of seconds");
    assertProblem(
        publish(way, ADMIN, "{\"event\":\"x\",\"data\":[1]}"),
        422,
        "PAYLOAD_INVALID",
        "wrong type or shape at data");
    assertProblem(
        publish(way, ADMIN, "{\"event\":\"x\",\"recipients\":[\"u1\",7]}"),
        422,
        "PAYLOAD_INVALID",
        "wrong type or shape at recipients[1]");
    assertProblem(
        publish(way, ADMIN, "{\"event\":\"x\",\"persist\":\"yes\"}"),
        422,
        "PAYLOAD_INVALID",
        "wrong type or shape at persist");
    assertProblem(
        publish(way, ADMIN, "{\"event\":\"x\",\"event\":\"y\"}"),
        400,
        "PAYLOAD_INVALID",
        "the body is not well-formed JSON");
    HttpTestClient.Reply big = publish(way, ADMIN, "{\"event\":\"" + "x".repeat(2_100) + "\"}");
    assertThat(big.status()).isEqualTo(413);
    assertThat(json(big).path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    verify(api.ingest, never()).ingest(any());
  }

  @Test
  void anotherMethodOnTheRouteIsStill405() {
    HttpTestClient.Reply r = api.http.get("/events", ADMIN);

    assertThat(r.status()).isEqualTo(405);
    assertThat(json(r).path("detail").asText()).contains("POST");
  }
}
