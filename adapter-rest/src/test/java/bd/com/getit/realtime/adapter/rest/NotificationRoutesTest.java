package bd.com.getit.realtime.adapter.rest;

import static bd.com.getit.realtime.adapter.rest.RestApiFixture.ADMIN;
import static bd.com.getit.realtime.adapter.rest.RestApiFixture.CUSTOMER;
import static bd.com.getit.realtime.adapter.rest.RestApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.notification.Announcement;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.domain.notification.NotificationTemplate;
import bd.com.getit.realtime.domain.notification.ParameterType;
import bd.com.getit.realtime.domain.notification.TemplateParameter;
import bd.com.getit.realtime.port.in.NotificationUseCase.NotificationList;
import bd.com.getit.realtime.port.in.NotificationUseCase.SendTemplatedCommand;
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

/** The notification templates, templated sends, status times and announcements over REST. */
class NotificationRoutesTest {
  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
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
    reset(api.notifications, api.announcements);
  }

  private static Notification notification(NotificationStatus status) {
    Notification sent =
        new Notification(
            NotificationId.of("n1"),
            UserId.of("u1"),
            "price_drop",
            LocalizedText.of("Price drop", "দাম কমেছে"),
            LocalizedText.of("Now Tk 12,499", "এখন ৳১২,৪৯৯"),
            JsonValue.JsonObject.EMPTY,
            Optional.empty(),
            Priority.MEDIUM,
            NotificationStatus.SENT,
            Map.of(NotificationStatus.SENT, T0));
    return sent.advance(status, T0.plusSeconds(60));
  }

  @Test
  void templatesAreListedWithTheirParameters() {
    when(api.notifications.templates())
        .thenReturn(
            List.of(
                new NotificationTemplate(
                    "price_drop",
                    List.of(
                        new TemplateParameter("product_name", ParameterType.TEXT),
                        new TemplateParameter("new_price", ParameterType.AMOUNT)))));

    HttpTestClient.Reply r = api.http.get("/notifications/templates", CUSTOMER);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(json(r).toString())
        .isEqualTo(
            "{\"templates\":[{\"id\":\"price_drop\",\"parameters\":["
                + "{\"name\":\"product_name\",\"type\":\"text\"},"
                + "{\"name\":\"new_price\",\"type\":\"amount\"}]}]}");
    assertThat(api.http.get("/notifications/templates", null).status()).isEqualTo(401);
  }

  @Test
  void aTemplateAndItsParametersGoToTheCoreAsTheyCame() {
    when(api.notifications.sendTemplated(any()))
        .thenReturn(CompletableFuture.completedFuture(notification(NotificationStatus.SENT)));

    HttpTestClient.Reply r =
        api.http.post(
            "/notifications",
            ADMIN,
            "{\"user_id\":\"u1\",\"template\":\"price_drop\","
                + "\"params\":{\"product_name\":\"Walton Primo\",\"new_price\":12499}}");

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(json(r).path("id").asText()).isEqualTo("n1");
    ArgumentCaptor<SendTemplatedCommand> sent = ArgumentCaptor.forClass(SendTemplatedCommand.class);
    verify(api.notifications).sendTemplated(sent.capture());
    assertThat(sent.getValue().template()).isEqualTo("price_drop");
    assertThat(sent.getValue().type()).isEmpty();
    assertThat(sent.getValue().params().text("product_name")).contains("Walton Primo");
    assertThat(sent.getValue().params().get("new_price")).contains(JsonValue.JsonNumber.of(12499));
  }

  @Test
  void withoutATemplateTheTextsAreRequired() {
    HttpTestClient.Reply r =
        api.http.post(
            "/notifications",
            ADMIN,
            "{\"user_id\":\"u1\",\"notification_type\":\"promo\",\"message\":\"m\"}");

    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(json(r).path("code").asText()).isEqualTo("PAYLOAD_INVALID");
    assertThat(json(r).path("detail").asText()).contains("title is required without a template");
    verifyNoInteractions(api.notifications);
  }

  @Test
  void listItemsCarryEachStatusTimeOrNull() {
    when(api.notifications.list(any(), any(Boolean.class), any(Integer.class)))
        .thenReturn(
            CompletableFuture.completedFuture(
                new NotificationList(List.of(notification(NotificationStatus.DELIVERED)), 1)));

    JsonNode item = json(api.http.get("/notifications", CUSTOMER)).path("notifications").get(0);

    assertThat(item.path("status").asText()).isEqualTo("delivered");
    assertThat(item.path("delivered_at").asText()).isEqualTo("2026-12-07T10:01:00Z");
    assertThat(item.path("read_at").isNull()).isTrue();
    assertThat(item.path("clicked_at").isNull()).isTrue();
  }

  @Test
  void activeAnnouncementsAreListedForAnyoneWithoutAToken() {
    when(api.announcements.active())
        .thenReturn(
            CompletableFuture.completedFuture(
                List.of(
                    new Announcement(
                        EventId.of("a1"),
                        "maintenance",
                        LocalizedText.of("Maintenance at 2 AM", "রাত ২টায় রক্ষণাবেক্ষণ"),
                        LocalizedText.of("Back by 3 AM", "রাত ৩টার মধ্যে ফিরব"),
                        T0,
                        Optional.of(T0.plusSeconds(3600))))));

    HttpTestClient.Reply r = api.http.get("/announcements", null);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode a = json(r).path("announcements").get(0);
    assertThat(a.path("id").asText()).isEqualTo("a1");
    assertThat(a.path("title_bn").asText()).isEqualTo("রাত ২টায় রক্ষণাবেক্ষণ");
    assertThat(a.path("show_until").asText()).isEqualTo("2026-12-07T11:00:00Z");
  }

  @Test
  void anAnnouncementGoesToTheAnnouncementsUseCase() {
    when(api.announcements.announce(any()))
        .thenReturn(
            CompletableFuture.completedFuture(
                new Announcement(
                    EventId.of("a2"),
                    "info",
                    LocalizedText.of("t", null),
                    LocalizedText.of("m", null),
                    T0,
                    Optional.empty())));

    HttpTestClient.Reply r =
        api.http.post(
            "/admin/announcements",
            ADMIN,
            "{\"title\":\"t\",\"message\":\"m\",\"show_until\":\"2026-12-07T12:00:00Z\"}");

    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(json(r).path("id").asText()).isEqualTo("a2");
  }
}
