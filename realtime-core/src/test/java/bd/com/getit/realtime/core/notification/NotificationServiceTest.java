package bd.com.getit.realtime.core.notification;

import static bd.com.getit.realtime.core.testdoubles.Stages.code;
import static bd.com.getit.realtime.core.testdoubles.Stages.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.testdoubles.CapturingFanout;
import bd.com.getit.realtime.core.testdoubles.InMemoryNotificationRepository;
import bd.com.getit.realtime.core.testdoubles.MutableClock;
import bd.com.getit.realtime.core.testdoubles.People;
import bd.com.getit.realtime.core.testdoubles.RecordingRateLimiter;
import bd.com.getit.realtime.core.testdoubles.SequentialIds;
import bd.com.getit.realtime.core.text.MessageSanitizer;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.Notification;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.NotificationStatus;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.in.NotificationUseCase.NotificationList;
import bd.com.getit.realtime.port.in.NotificationUseCase.SendNotificationCommand;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationServiceTest {

  private static final Principal ALICE = People.customer("alice");
  private static final Principal BOB = People.customer("bob");
  private static final Principal ORDERS = People.service("orders");

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

  private Notification send() {
    return value(service.send(shipped(People.rest(ORDERS))));
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
    assertThat(n.createdAt()).isEqualTo(MutableClock.START);
    assertThat(repository.get(n.id())).contains(n);

    CapturingFanout.Published p = fanout.published().get(0);
    assertThat(p.except()).isEmpty();
    Event e = p.event();
    assertThat(e.name()).isEqualTo("notification");
    assertThat(e.channel()).isEqualTo(ChannelName.user(ALICE.user()));
    assertThat(e.recipients()).containsExactly(ChannelName.user(ALICE.user()));
    assertThat(e.data()).isEqualTo(n.toPayload());
    assertThat(e.priority()).isEqualTo(Priority.HIGH);
    assertThat(e.ttl()).isEqualTo(Duration.ofDays(7));
    assertThat(e.timestamp()).isEqualTo(MutableClock.START);
  }

  @Test
  void adminsMaySendToo() {
    value(service.send(shipped(People.rest(People.admin("root")))));
    assertThat(repository.size()).isEqualTo(1);
  }

  @Test
  void onlyServicesAndAdminsSend() {
    for (Principal p :
        List.of(ALICE, People.agent("ag"), People.vendor("v", "v1"), People.guest("g"))) {
      assertThat(code(service.send(shipped(People.rest(p))))).isEqualTo(ErrorCode.FORBIDDEN);
    }
    assertThat(repository.size()).isZero();
    assertThat(fanout.events()).isEmpty();
  }

  @Test
  void sendValidatesTheNotification() {
    Caller orders = People.rest(ORDERS);
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
    assertThat(repository.size()).isZero();
    assertThat(fanout.events()).isEmpty();
  }

  @Test
  void sizesAndLinksAtTheLimitPass() {
    Caller orders = People.rest(ORDERS);
    Notification n =
        value(
            service.send(
                command(
                    orders,
                    "t".repeat(64),
                    LocalizedText.of("x".repeat(200), "ক".repeat(200)),
                    LocalizedText.of("y".repeat(2000), null),
                    Optional.of("https://getit.com.bd/o/1?x=1"))));
    assertThat(n.title().english()).hasSize(200);
    value(
        service.send(
            command(
                orders,
                "t",
                LocalizedText.of("a", null),
                LocalizedText.of("b", null),
                Optional.of("/" + "a".repeat(2047)))));
    value(
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
    value(
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
    assertThat(repository.size()).isEqualTo(4);
  }

  @Test
  void listShowsOnlyOwnNotificationsNewestFirst() {
    Notification first = send();
    clock.advance(Duration.ofMinutes(1));
    Notification second = send();
    value(repository.save(first.advance(NotificationStatus.READ, clock.now())));

    NotificationList all = value(service.list(People.rest(ALICE), false, 50));
    assertThat(all.notifications())
        .extracting(Notification::id)
        .containsExactly(second.id(), first.id());
    assertThat(all.unreadCount()).isEqualTo(1);
    NotificationList unread = value(service.list(People.rest(ALICE), true, 50));
    assertThat(unread.notifications()).extracting(Notification::id).containsExactly(second.id());
    assertThat(value(service.list(People.rest(ALICE), false, 1)).notifications()).hasSize(1);
    NotificationList bobs = value(service.list(People.rest(BOB), false, 100));
    assertThat(bobs.notifications()).isEmpty();
    assertThat(bobs.unreadCount()).isZero();
  }

  @Test
  void listLimitIsOneToAHundred() {
    assertThat(code(service.list(People.rest(ALICE), false, 0)))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(code(service.list(People.rest(ALICE), false, 101)))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(code(service.list(People.socket(People.guest("g"), "g"), false, 10)))
        .isEqualTo(ErrorCode.FORBIDDEN);
  }

  @Test
  void markMovesOwnNotificationsForward() {
    Notification n = send();
    clock.advance(Duration.ofMinutes(2));
    Notification read = value(service.mark(People.rest(ALICE), n.id(), NotificationStatus.READ));
    assertThat(read.status()).isEqualTo(NotificationStatus.READ);
    assertThat(read.statusTimes()).containsEntry(NotificationStatus.READ, clock.now());
    assertThat(repository.get(n.id())).contains(read);
    assertThat(limiter.actions()).containsExactly(RateLimiter.Action.NOTIFICATION_STATUS);

    clock.advance(Duration.ofMinutes(1));
    Notification clicked =
        value(service.mark(People.rest(ALICE), n.id(), NotificationStatus.CLICKED));
    assertThat(clicked.status()).isEqualTo(NotificationStatus.CLICKED);
    assertThat(clicked.statusTimes())
        .containsEntry(NotificationStatus.READ, clock.now().minus(Duration.ofMinutes(1)));

    Notification again = value(service.mark(People.rest(ALICE), n.id(), NotificationStatus.READ));
    assertThat(again).isEqualTo(clicked);
    assertThat(repository.get(n.id())).contains(clicked);
  }

  @Test
  void aStatusChangeIsAnnouncedOnceToOutsideServices() {
    Notification n = send();
    Notification read = value(service.mark(People.rest(ALICE), n.id(), NotificationStatus.READ));
    value(service.mark(People.rest(ALICE), n.id(), NotificationStatus.READ));

    assertThat(fanout.announced()).hasSize(1);
    var status = fanout.announced().get(0);
    assertThat(status.name()).isEqualTo("notification_status");
    assertThat(status.channel()).isEqualTo(ChannelName.user(ALICE.user()));
    assertThat(status.data()).isEqualTo(read.toPayload());
  }

  @Test
  void othersNotificationsAreNotFound() {
    Notification n = send();
    assertThat(code(service.mark(People.rest(BOB), n.id(), NotificationStatus.READ)))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(
            code(
                service.mark(
                    People.rest(ALICE), NotificationId.of("none"), NotificationStatus.READ)))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(repository.get(n.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
  }

  @Test
  void markAcceptsOnlyReadOrClicked() {
    Notification n = send();
    for (NotificationStatus s : List.of(NotificationStatus.SENT, NotificationStatus.DELIVERED)) {
      assertThat(code(service.mark(People.rest(ALICE), n.id(), s)))
          .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    }
    assertThat(
            code(
                service.mark(
                    People.socket(People.guest("g"), "g"), n.id(), NotificationStatus.READ)))
        .isEqualTo(ErrorCode.FORBIDDEN);
    limiter.deny(RateLimiter.Action.NOTIFICATION_STATUS);
    assertThat(code(service.mark(People.rest(ALICE), n.id(), NotificationStatus.READ)))
        .isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(repository.get(n.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
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
    assertThat(code(service.send(shipped(People.rest(ORDERS))))).isEqualTo(ErrorCode.INTERNAL);
  }

  @Test
  void listingIsRateLimited() {
    value(service.list(People.rest(ALICE), false, 50));
    assertThat(limiter.actions()).containsExactly(RateLimiter.Action.REST_READ);
    limiter.deny(RateLimiter.Action.REST_READ);
    assertThat(code(service.list(People.rest(ALICE), false, 50))).isEqualTo(ErrorCode.RATE_LIMITED);
  }
}
