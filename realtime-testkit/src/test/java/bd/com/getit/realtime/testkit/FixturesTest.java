package bd.com.getit.realtime.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.ChannelType;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.VendorId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FixturesTest {

  @Test
  void mutableClockStartsAtTheDefaultAndMovesOnlyWhenTold() {
    MutableClock clock = new MutableClock();

    assertThat(clock.now()).isEqualTo(MutableClock.DEFAULT_START);
    assertThat(clock.now()).isEqualTo(MutableClock.DEFAULT_START);
    assertThat(clock.advance(Duration.ofSeconds(90)))
        .isEqualTo(Instant.parse("2026-01-01T00:01:30Z"));
    assertThat(clock.advanceMillis(500)).isEqualTo(Instant.parse("2026-01-01T00:01:30.500Z"));

    clock.set(Instant.parse("2030-05-05T10:00:00Z"));
    assertThat(clock.now()).isEqualTo(Instant.parse("2030-05-05T10:00:00Z"));
  }

  @Test
  void mutableClockRefusesToRunBackwards() {
    MutableClock clock = new MutableClock();

    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.now()).isEqualTo(MutableClock.DEFAULT_START);
  }

  @Test
  void mutableClockAdvancesAreNeverLostUnderConcurrency() {
    MutableClock clock = new MutableClock();

    Concurrently.run(
        4,
        () -> {
          for (int i = 0; i < 250; i++) {
            clock.advanceMillis(1);
          }
        });

    assertThat(clock.now()).isEqualTo(MutableClock.DEFAULT_START.plusMillis(1_000));
  }

  @Test
  void sequentialIdsAreUniqueAndPredictable() {
    SequentialIds ids = new SequentialIds("msg");

    assertThat(ids.next()).isEqualTo("msg-1");
    assertThat(ids.next()).isEqualTo("msg-2");

    List<String> many = Concurrently.call(4, ids::next);
    assertThat(new HashSet<>(many)).hasSize(4);
    assertThat(ids.issued()).isEqualTo(6);
  }

  @Test
  void usersHaveTheirRoles() {
    assertThat(TestUsers.customer().roles()).containsExactly(Role.CUSTOMER);
    assertThat(TestUsers.customer("c-9").user().value()).isEqualTo("c-9");
    assertThat(TestUsers.vendor("v1").vendorId()).contains(VendorId.of("v1"));
    assertThat(TestUsers.agent().isStaff()).isTrue();
    assertThat(TestUsers.admin().isTrusted()).isTrue();
    assertThat(TestUsers.service().isTrusted()).isTrue();
    assertThat(TestUsers.guest().isGuest()).isTrue();
  }

  @Test
  void channelsHaveTheirTypes() {
    assertThat(TestChannels.product().toString()).isEqualTo("product:prod-1");
    assertThat(TestChannels.order().type()).isEqualTo(ChannelType.ORDER);
    assertThat(TestChannels.user(TestUsers.customer().user()).toString())
        .isEqualTo("user:customer-1");
  }

  @Test
  void eventsHaveDefaultsAndFreshIds() {
    Event a = TestEvents.event().build();
    Event b = TestEvents.event().priority(Priority.HIGH).ttl(Duration.ofHours(1)).build();

    assertThat(Set.of(a.id(), b.id())).hasSize(2);
    assertThat(a.channel()).isEqualTo(TestChannels.product());
    assertThat(a.timestamp()).isEqualTo(MutableClock.DEFAULT_START);
    assertThat(a.priority()).isEqualTo(Priority.MEDIUM);
    assertThat(b.priority()).isEqualTo(Priority.HIGH);
    assertThat(b.ttl()).isEqualTo(Duration.ofHours(1));
    assertThat(TestEvents.withId("evt-x").id().value()).isEqualTo("evt-x");
  }
}
