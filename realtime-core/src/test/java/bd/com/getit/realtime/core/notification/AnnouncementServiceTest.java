package bd.com.getit.realtime.core.notification;

import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.customer;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static bd.com.getit.realtime.core.testing.Fixtures.withRole;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.adapter.memory.InMemoryAnnouncementStore;
import bd.com.getit.realtime.core.testing.CapturingFanout;
import bd.com.getit.realtime.core.text.MessageSanitizer;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.notification.Announcement;
import bd.com.getit.realtime.port.in.AnnouncementUseCase.AnnounceCommand;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.SequentialIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnnouncementServiceTest {
  private static final Caller ADMIN = Caller.of(withRole("adm", Role.ADMIN));

  private final MutableClock clock = new MutableClock();
  private final CapturingFanout fanout = new CapturingFanout();
  private final InMemoryAnnouncementStore store = new InMemoryAnnouncementStore();
  private final AnnouncementService service =
      new AnnouncementService(store, fanout, new MessageSanitizer(), clock, new SequentialIds());

  private AnnounceCommand announce(Caller c, String type, Optional<Instant> showUntil) {
    return new AnnounceCommand(
        c,
        LocalizedText.of("Eid sale", "ঈদের ছাড়"),
        LocalizedText.of("Up to 50% off until 10 PM", "রাত ১০টা পর্যন্ত ৫০% পর্যন্ত ছাড়"),
        type,
        showUntil);
  }

  @Test
  void announcesOnTheSystemChannelWithHighPriority() {
    Instant until = clock.now().plus(Duration.ofHours(3));
    Announcement a = done(service.announce(announce(ADMIN, "promo", Optional.of(until))));

    Event e = fanout.only();
    assertThat(e.name()).isEqualTo("system_announcement");
    assertThat(e.channel()).isEqualTo(ChannelName.ANNOUNCEMENTS);
    assertThat(e.priority()).isEqualTo(Priority.HIGH);
    assertThat(e.id()).isEqualTo(EventId.of("id-1")).isEqualTo(a.id());
    assertThat(e.timestamp()).isEqualTo(clock.now());
    assertThat(e.data())
        .isEqualTo(
            JsonValue.JsonObject.builder()
                .put("id", "id-1")
                .put("title", "Eid sale")
                .put("title_bn", "ঈদের ছাড়")
                .put("message", "Up to 50% off until 10 PM")
                .put("message_bn", "রাত ১০টা পর্যন্ত ৫০% পর্যন্ত ছাড়")
                .put("type", "promo")
                .put("show_until", until.toString())
                .put("created_at", clock.now().toString())
                .build());
  }

  @Test
  void anAnnouncementIsKeptUntilShowUntilAndWelcomesLaterSockets() {
    Instant until = clock.now().plus(Duration.ofHours(1));
    Announcement a = done(service.announce(announce(ADMIN, "promo", Optional.of(until))));
    done(service.announce(announce(ADMIN, "live-only", Optional.empty())));

    assertThat(done(service.active())).containsExactly(a);
    List<Outbound> welcome = done(service.welcome());
    assertThat(welcome).hasSize(1);
    assertThat(welcome.get(0).event()).isEqualTo("system_announcement");
    assertThat(welcome.get(0).payload()).isEqualTo(fanout.events().get(0).envelope());

    clock.advance(Duration.ofHours(1));
    assertThat(done(service.active())).isEmpty();
    assertThat(done(service.welcome())).isEmpty();
  }

  @Test
  void onlyAdminsAnnounce() {
    for (Caller c :
        List.of(
            Caller.of(customer("u1")),
            Caller.of(withRole("s", Role.SERVICE)),
            Caller.of(withRole("a", Role.SUPPORT_AGENT)))) {
      assertThat(code(service.announce(announce(c, "info", Optional.empty()))))
          .isEqualTo(ErrorCode.FORBIDDEN);
    }
    assertThat(fanout.events()).isEmpty();
  }

  @Test
  void showUntilIsInTheFuture() {
    assertThat(code(service.announce(announce(ADMIN, "p", Optional.of(clock.now())))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(
            code(service.announce(announce(ADMIN, "p", Optional.of(clock.now().minusSeconds(1))))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(done(store.active(clock.now()))).isEmpty();
    assertThat(fanout.events()).isEmpty();
  }

  @Test
  void announcementTextsAreSanitisedAndBounded() {
    Announcement a =
        done(
            service.announce(
                new AnnounceCommand(
                    ADMIN,
                    LocalizedText.of("<script>alert(1)</script>Sale <b>now</b>", "<i>বিক্রয়</i>"),
                    LocalizedText.of("Big\u202Esale", "<img src=x onerror=alert(1)>ছাড়"),
                    "promo",
                    Optional.empty())));
    assertThat(a.title().english()).isEqualTo("Sale now");
    assertThat(a.title().bangla()).contains("বিক্রয়");
    assertThat(a.message().english()).isEqualTo("Bigsale");
    assertThat(a.message().bangla()).contains("ছাড়");

    assertThat(
            code(
                service.announce(
                    new AnnounceCommand(
                        ADMIN,
                        LocalizedText.of("x".repeat(AnnouncementService.MAX_TITLE + 1), null),
                        LocalizedText.of("m", null),
                        "promo",
                        Optional.empty()))))
        .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    assertThat(
            code(
                service.announce(
                    new AnnounceCommand(
                        ADMIN,
                        LocalizedText.of("<script>only markup</script>", null),
                        LocalizedText.of("m", null),
                        "promo",
                        Optional.empty()))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
  }

  @Test
  void refusesABlankOrLongAnnouncementType() {
    assertThat(code(service.announce(announce(ADMIN, " ", Optional.empty()))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(code(service.announce(announce(ADMIN, "x".repeat(65), Optional.empty()))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(done(service.announce(announce(ADMIN, "x".repeat(64), Optional.empty()))).type())
        .hasSize(64);
  }
}
