package bd.com.getit.realtime.core.notification;

import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.adapter.memory.InMemoryNotificationRepository;
import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.testing.CapturingFanout;
import bd.com.getit.realtime.core.testing.Fixtures;
import bd.com.getit.realtime.core.testing.RecordingRateLimiter;
import bd.com.getit.realtime.core.text.MessageSanitizer;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.domain.notification.NotificationTemplate;
import bd.com.getit.realtime.domain.notification.ParameterType;
import bd.com.getit.realtime.domain.notification.RenderedNotification;
import bd.com.getit.realtime.domain.notification.TemplateParameter;
import bd.com.getit.realtime.domain.notification.TemplateValue;
import bd.com.getit.realtime.port.in.NotificationUseCase.NotificationList;
import bd.com.getit.realtime.port.in.NotificationUseCase.SendNotificationCommand;
import bd.com.getit.realtime.port.in.NotificationUseCase.SendTemplatedCommand;
import bd.com.getit.realtime.port.out.NotificationTemplates;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.SequentialIds;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationServiceTest {

  private static final Principal ALICE = Fixtures.customer("alice");
  private static final Principal BOB = Fixtures.customer("bob");
  private static final Principal ORDERS = Fixtures.service("orders");

  private final MutableClock clock = new MutableClock();
  private final InMemoryNotificationRepository repository = new InMemoryNotificationRepository();
  private final CapturingFanout fanout = new CapturingFanout();
  private final RecordingRateLimiter limiter = new RecordingRateLimiter();
  private final NotificationService service =
      new NotificationService(
          repository,
          fanout,
          clock,
          new SequentialIds(),
          limiter,
          new MessageSanitizer(),
          NotificationService.DEFAULT_TTL);

  private static SendNotificationCommand command(
      Caller caller,
      String type,
      LocalizedText title,
      LocalizedText message,
      Optional<String> url) {
    return new SendNotificationCommand(
        caller,
        ALICE.user(),
        type,
        title,
        message,
        JsonObject.builder().put("order_id", "o1").build(),
        url,
        Priority.HIGH);
  }

  private static SendNotificationCommand shipped(Caller caller) {
    return command(
        caller,
        "order_shipped",
        LocalizedText.of("Order <b>shipped</b>", "অর্ডার পাঠানো হয়েছে"),
        LocalizedText.of("Your order is on its way", null),
        Optional.of("/orders/o1"));
  }

  /** How many notifications the repository holds for these users, read through the port. */
  private int storedFor(UserId... users) {
    int n = 0;
    for (UserId user : users) {
      n += done(repository.list(user, false, 1000)).size();
    }
    return n;
  }

  private Notification send() {
    return done(service.send(shipped(Fixtures.rest(ORDERS))));
  }

  @Test
  void sendStoresTheNotificationAndPublishesItToTheUser() {
    Notification n = send();

    assertThat(n.id()).isEqualTo(NotificationId.of("id-1"));
    assertThat(n.user()).isEqualTo(ALICE.user());
    assertThat(n.type()).isEqualTo("order_shipped");
    assertThat(n.title()).isEqualTo(LocalizedText.of("Order shipped", "অর্ডার পাঠানো হয়েছে"));
    assertThat(n.message()).isEqualTo(LocalizedText.of("Your order is on its way", null));
    assertThat(n.actionUrl()).contains("/orders/o1");
    assertThat(n.priority()).isEqualTo(Priority.HIGH);
    assertThat(n.status()).isEqualTo(NotificationStatus.SENT);
    assertThat(n.createdAt()).isEqualTo(MutableClock.DEFAULT_START);
    assertThat(done(repository.find(n.id()))).contains(n);

    CapturingFanout.Published p = fanout.published().get(0);
    assertThat(p.except()).isEmpty();
    Event e = p.event();
    assertThat(e.name()).isEqualTo("notification");
    assertThat(e.channel()).isEqualTo(ChannelName.user(ALICE.user()));
    assertThat(e.recipients()).containsExactly(ChannelName.user(ALICE.user()));
    assertThat(e.data()).isEqualTo(n.toPayload());
    assertThat(e.priority()).isEqualTo(Priority.HIGH);
    assertThat(e.ttl()).isEqualTo(Duration.ofDays(7));
    assertThat(e.timestamp()).isEqualTo(MutableClock.DEFAULT_START);
  }

  @Test
  void adminsMaySendToo() {
    done(service.send(shipped(Fixtures.rest(Fixtures.admin("root")))));
    assertThat(storedFor(ALICE.user(), UserId.of("guest:s1"))).isEqualTo(1);
  }

  @Test
  void onlyServicesAndAdminsSend() {
    for (Principal p :
        List.of(ALICE, Fixtures.agent("ag"), Fixtures.vendor("v", "v1"), Fixtures.guest("g"))) {
      assertThat(code(service.send(shipped(Fixtures.rest(p))))).isEqualTo(ErrorCode.FORBIDDEN);
    }
    assertThat(storedFor(ALICE.user(), UserId.of("guest:s1"))).isZero();
    assertThat(fanout.events()).isEmpty();
  }

  @Test
  void sendValidatesTheNotification() {
    Caller orders = Fixtures.rest(ORDERS);
    LocalizedText ok = LocalizedText.of("ok", null);
    assertThat(code(service.send(command(orders, "Order Shipped", ok, ok, Optional.empty()))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(code(service.send(command(orders, "", ok, ok, Optional.empty()))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(
            code(
                service.send(
                    command(orders, "t", LocalizedText.of("<i></i>", null), ok, Optional.empty()))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(
            code(
                service.send(
                    command(orders, "t", ok, LocalizedText.of("  ", null), Optional.empty()))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(
            code(
                service.send(
                    command(orders, "t", ok, LocalizedText.of("ok", " "), Optional.empty()))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(
            code(
                service.send(
                    command(
                        orders,
                        "t",
                        LocalizedText.of("x".repeat(201), null),
                        ok,
                        Optional.empty()))))
        .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    assertThat(
            code(
                service.send(
                    command(
                        orders,
                        "t",
                        ok,
                        LocalizedText.of("ok", "x".repeat(2001)),
                        Optional.empty()))))
        .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    for (String url :
        List.of(
            "javascript:alert(1)",
            "//evil.example",
            "ftp://x",
            "/a b",
            "http://x/\u0000",
            "/" + "a".repeat(2048))) {
      assertThat(code(service.send(command(orders, "t", ok, ok, Optional.of(url)))))
          .as(url)
          .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    }
    SendNotificationCommand bigData =
        new SendNotificationCommand(
            orders,
            ALICE.user(),
            "t",
            ok,
            ok,
            JsonObject.builder().put("k", "x".repeat(NotificationService.MAX_DATA_CHARS)).build(),
            Optional.empty(),
            Priority.LOW);
    assertThat(code(service.send(bigData))).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    SendNotificationCommand toGuest =
        new SendNotificationCommand(
            orders,
            UserId.of("guest:s1"),
            "t",
            ok,
            ok,
            JsonObject.EMPTY,
            Optional.empty(),
            Priority.LOW);
    assertThat(code(service.send(toGuest))).isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(storedFor(ALICE.user(), UserId.of("guest:s1"))).isZero();
    assertThat(fanout.events()).isEmpty();
  }

  @Test
  void sizesAndLinksAtTheLimitPass() {
    Caller orders = Fixtures.rest(ORDERS);
    Notification n =
        done(
            service.send(
                command(
                    orders,
                    "t".repeat(64),
                    LocalizedText.of("x".repeat(200), "ক".repeat(200)),
                    LocalizedText.of("y".repeat(2000), null),
                    Optional.of("https://getit.com.bd/o/1?x=1"))));
    assertThat(n.title().english()).hasSize(200);
    done(
        service.send(
            command(
                orders,
                "t",
                LocalizedText.of("a", null),
                LocalizedText.of("b", null),
                Optional.of("/" + "a".repeat(2047)))));
    done(
        service.send(
            command(
                orders,
                "t",
                LocalizedText.of("a", null),
                LocalizedText.of("b", null),
                Optional.of("HTTP://X.BD"))));
    JsonObject fits =
        JsonObject.builder().put("k", "x".repeat(NotificationService.MAX_DATA_CHARS - 8)).build();
    assertThat(fits.toJson()).hasSize(NotificationService.MAX_DATA_CHARS);
    done(
        service.send(
            new SendNotificationCommand(
                orders,
                ALICE.user(),
                "t",
                LocalizedText.of("a", null),
                LocalizedText.of("b", null),
                fits,
                Optional.empty(),
                Priority.LOW)));
    assertThat(storedFor(ALICE.user(), UserId.of("guest:s1"))).isEqualTo(4);
  }

  @Test
  void listShowsOnlyOwnNotificationsNewestFirst() {
    Notification first = send();
    clock.advance(Duration.ofMinutes(1));
    Notification second = send();
    done(repository.save(first.advance(NotificationStatus.READ, clock.now())));

    NotificationList all = done(service.list(Fixtures.rest(ALICE), false, 50));
    assertThat(all.notifications())
        .extracting(Notification::id)
        .containsExactly(second.id(), first.id());
    assertThat(all.unreadCount()).isEqualTo(1);
    NotificationList unread = done(service.list(Fixtures.rest(ALICE), true, 50));
    assertThat(unread.notifications()).extracting(Notification::id).containsExactly(second.id());
    assertThat(done(service.list(Fixtures.rest(ALICE), false, 1)).notifications()).hasSize(1);
    NotificationList bobs = done(service.list(Fixtures.rest(BOB), false, 100));
    assertThat(bobs.notifications()).isEmpty();
    assertThat(bobs.unreadCount()).isZero();
  }

  @Test
  void listLimitIsOneToAHundred() {
    assertThat(code(service.list(Fixtures.rest(ALICE), false, 0)))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(code(service.list(Fixtures.rest(ALICE), false, 101)))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(code(service.list(Fixtures.socket(Fixtures.guest("g"), "g"), false, 10)))
        .isEqualTo(ErrorCode.FORBIDDEN);
  }

  @Test
  void markMovesOwnNotificationsForward() {
    Notification n = send();
    clock.advance(Duration.ofMinutes(2));
    Notification read = done(service.mark(Fixtures.rest(ALICE), n.id(), NotificationStatus.READ));
    assertThat(read.status()).isEqualTo(NotificationStatus.READ);
    assertThat(read.statusTimes()).containsEntry(NotificationStatus.READ, clock.now());
    assertThat(done(repository.find(n.id()))).contains(read);
    assertThat(limiter.actions()).containsExactly(RateLimiter.Action.NOTIFICATION_STATUS);

    clock.advance(Duration.ofMinutes(1));
    Notification clicked =
        done(service.mark(Fixtures.rest(ALICE), n.id(), NotificationStatus.CLICKED));
    assertThat(clicked.status()).isEqualTo(NotificationStatus.CLICKED);
    assertThat(clicked.statusTimes())
        .containsEntry(NotificationStatus.READ, clock.now().minus(Duration.ofMinutes(1)));

    Notification again = done(service.mark(Fixtures.rest(ALICE), n.id(), NotificationStatus.READ));
    assertThat(again).isEqualTo(clicked);
    assertThat(done(repository.find(n.id()))).contains(clicked);
  }

  @Test
  void aStatusChangeIsPushedOnceToTheUsersSockets() {
    Notification n = send();
    clock.advance(Duration.ofSeconds(30));
    done(service.mark(Fixtures.rest(ALICE), n.id(), NotificationStatus.READ));
    done(service.mark(Fixtures.rest(ALICE), n.id(), NotificationStatus.READ));

    List<Event> pushes =
        fanout.events().stream().filter(e -> e.name().equals("notification_status")).toList();
    assertThat(pushes).hasSize(1);
    Event status = pushes.get(0);
    assertThat(status.channel()).isEqualTo(ChannelName.user(ALICE.user()));
    assertThat(status.recipients()).isEmpty();
    assertThat(status.data())
        .isEqualTo(
            JsonObject.builder()
                .put("id", n.id().value())
                .put("status", "read")
                .put("at", clock.now().toString())
                .build());
  }

  @Test
  void othersNotificationsAreNotFound() {
    Notification n = send();
    assertThat(code(service.mark(Fixtures.rest(BOB), n.id(), NotificationStatus.READ)))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(
            code(
                service.mark(
                    Fixtures.rest(ALICE), NotificationId.of("none"), NotificationStatus.READ)))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(done(repository.find(n.id())).orElseThrow().status())
        .isEqualTo(NotificationStatus.SENT);
  }

  @Test
  void markAcceptsOnlyReadOrClicked() {
    Notification n = send();
    for (NotificationStatus s : List.of(NotificationStatus.SENT, NotificationStatus.DELIVERED)) {
      assertThat(code(service.mark(Fixtures.rest(ALICE), n.id(), s)))
          .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    }
    assertThat(
            code(
                service.mark(
                    Fixtures.socket(Fixtures.guest("g"), "g"), n.id(), NotificationStatus.READ)))
        .isEqualTo(ErrorCode.FORBIDDEN);
    limiter.deny(RateLimiter.Action.NOTIFICATION_STATUS);
    assertThat(code(service.mark(Fixtures.rest(ALICE), n.id(), NotificationStatus.READ)))
        .isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(done(repository.find(n.id())).orElseThrow().status())
        .isEqualTo(NotificationStatus.SENT);
  }

  @Test
  void ttlMustBePositive() {
    assertThatThrownBy(
            () ->
                new NotificationService(
                    repository,
                    fanout,
                    clock,
                    new SequentialIds(),
                    limiter,
                    new MessageSanitizer(),
                    Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failedPublicationFailsTheSend() {
    fanout.failWith(
        new bd.com.getit.realtime.domain.RealtimeException(ErrorCode.INTERNAL, "bus down"));
    assertThat(code(service.send(shipped(Fixtures.rest(ORDERS))))).isEqualTo(ErrorCode.INTERNAL);
  }

  @Test
  void listingIsRateLimited() {
    done(service.list(Fixtures.rest(ALICE), false, 50));
    assertThat(limiter.actions()).containsExactly(RateLimiter.Action.REST_READ);
    limiter.deny(RateLimiter.Action.REST_READ);
    assertThat(code(service.list(Fixtures.rest(ALICE), false, 50)))
        .isEqualTo(ErrorCode.RATE_LIMITED);
  }

  /** Two templates, rendered as "name=value" lists so the test sees what the core passed. */
  private static final NotificationTemplates TEMPLATES =
      new NotificationTemplates() {
        @Override
        public List<NotificationTemplate> templates() {
          return List.of(
              new NotificationTemplate(
                  "price_drop",
                  List.of(
                      new TemplateParameter("product_name", ParameterType.TEXT),
                      new TemplateParameter("new_price", ParameterType.AMOUNT))),
              new NotificationTemplate(
                  "order_shipped",
                  List.of(
                      new TemplateParameter("order_id", ParameterType.TEXT),
                      new TemplateParameter("items", ParameterType.NUMBER),
                      new TemplateParameter("eta", ParameterType.TIME))));
        }

        @Override
        public RenderedNotification render(String template, Map<String, TemplateValue> values) {
          return new RenderedNotification(
              LocalizedText.of(template, "bn:" + template),
              LocalizedText.of(values.toString(), "bn"));
        }
      };

  private final NotificationService templated =
      new NotificationService(
          repository,
          fanout,
          clock,
          new SequentialIds(),
          limiter,
          new MessageSanitizer(),
          NotificationService.DEFAULT_TTL,
          new NotificationLifecycle(repository, fanout, clock, new SequentialIds()),
          TEMPLATES);

  private SendTemplatedCommand priceDrop(JsonObject params) {
    return new SendTemplatedCommand(
        Fixtures.rest(ORDERS),
        ALICE.user(),
        Optional.empty(),
        "price_drop",
        params,
        JsonObject.EMPTY,
        Optional.empty(),
        Priority.MEDIUM);
  }

  @Test
  void aTemplatedNotificationIsRenderedWithCheckedValuesAndTypedByItsTemplate() {
    Notification n =
        done(
            templated.sendTemplated(
                priceDrop(
                    JsonObject.builder()
                        .put("product_name", "Walton Primo")
                        .put("new_price", JsonValue.JsonNumber.of(12499))
                        .build())));

    assertThat(n.type()).isEqualTo("price_drop");
    assertThat(n.title()).isEqualTo(LocalizedText.of("price_drop", "bn:price_drop"));
    assertThat(n.message().english())
        .isEqualTo("{product_name=Text[value=Walton Primo], new_price=Amount[taka=12499]}");
    assertThat(done(repository.find(n.id()))).contains(n);
    assertThat(fanout.only().name()).isEqualTo("notification");
    assertThat(templated.templates())
        .extracting(NotificationTemplate::id)
        .containsExactly("price_drop", "order_shipped");
  }

  @Test
  void aTemplatedNotificationNamesWhatIsWrongWithItsParameters() {
    JsonObject price =
        JsonObject.builder()
            .put("product_name", "Walton Primo")
            .put("new_price", JsonValue.JsonNumber.of(12499))
            .build();
    assertThat(
            failure(
                templated.sendTemplated(
                    new SendTemplatedCommand(
                        Fixtures.rest(ORDERS),
                        ALICE.user(),
                        Optional.empty(),
                        "no_such_template",
                        price,
                        JsonObject.EMPTY,
                        Optional.empty(),
                        Priority.MEDIUM))))
        .hasMessageContaining("no template no_such_template");
    assertThat(
            failure(
                templated.sendTemplated(
                    priceDrop(JsonObject.builder().put("product_name", "Walton").build()))))
        .hasMessageContaining("parameter new_price of template price_drop is missing");
    assertThat(
            failure(
                templated.sendTemplated(
                    priceDrop(
                        JsonObject.builder()
                            .put("product_name", "Walton")
                            .put("new_price", JsonValue.JsonNumber.of(10))
                            .put("old_price", JsonValue.JsonNumber.of(12))
                            .build()))))
        .hasMessageContaining("parameter old_price of template price_drop is not a parameter");
    assertThat(
            failure(
                templated.sendTemplated(
                    priceDrop(
                        JsonObject.builder()
                            .put("product_name", "Walton")
                            .put("new_price", "twelve")
                            .build()))))
        .hasMessageContaining("parameter new_price of template price_drop must be a number");
    assertThat(
            failure(
                templated.sendTemplated(
                    priceDrop(
                        JsonObject.builder()
                            .put("product_name", "Walton")
                            .put("new_price", new JsonValue.JsonNumber(new BigDecimal("1.005")))
                            .build()))))
        .hasMessageContaining("at most two decimals");
    assertThat(storedFor(ALICE.user())).isZero();
    assertThat(fanout.events()).isEmpty();
  }

  @Test
  void aDeliveredNotificationMovesOnceAndIsPushed() {
    NotificationLifecycle lifecycle =
        new NotificationLifecycle(repository, fanout, clock, new SequentialIds());
    Notification n = send();
    Event event = fanout.only();
    clock.advance(Duration.ofSeconds(5));

    lifecycle.handed(event);
    lifecycle.handed(event); // a second device, or a second node: moved once

    Notification stored = done(repository.find(n.id())).orElseThrow();
    assertThat(stored.status()).isEqualTo(NotificationStatus.DELIVERED);
    assertThat(stored.statusTimes()).containsEntry(NotificationStatus.DELIVERED, clock.now());
    List<Event> pushes =
        fanout.events().stream().filter(e -> e.name().equals("notification_status")).toList();
    assertThat(pushes).hasSize(1);
    assertThat(pushes.get(0).data().text("status")).contains("delivered");
    assertThat(pushes.get(0).data().text("at")).contains(clock.now().toString());

    // Read after delivered keeps both times; a late delivery changes nothing.
    clock.advance(Duration.ofSeconds(5));
    done(service.mark(Fixtures.rest(ALICE), n.id(), NotificationStatus.READ));
    lifecycle.handed(event);
    Notification read = done(repository.find(n.id())).orElseThrow();
    assertThat(read.status()).isEqualTo(NotificationStatus.READ);
    assertThat(read.statusTimes())
        .containsEntry(NotificationStatus.DELIVERED, clock.now().minusSeconds(5));
  }

  @Test
  void otherEventsAndNotificationsOfOtherServicesAreNotTracked() {
    NotificationLifecycle lifecycle =
        new NotificationLifecycle(repository, fanout, clock, new SequentialIds());
    Event foreign =
        new Event(
            bd.com.getit.realtime.domain.EventId.of("e1"),
            "notification",
            ChannelName.user(ALICE.user()),
            JsonObject.builder().put("id", "not-stored").build(),
            clock.now(),
            Priority.MEDIUM,
            Duration.ZERO,
            List.of(),
            false);
    lifecycle.handed(foreign);
    assertThat(fanout.events()).isEmpty();
  }

  private static Throwable failure(java.util.concurrent.CompletionStage<?> stage) {
    assertThat(code(stage)).isEqualTo(ErrorCode.PAYLOAD_INVALID);
    return org.assertj.core.api.Assertions.catchThrowable(() -> stage.toCompletableFuture().join())
        .getCause();
  }
}
