package bd.com.getit.realtime.core.limits;

import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.customer;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static bd.com.getit.realtime.core.testing.Fixtures.failure;
import static bd.com.getit.realtime.core.testing.Fixtures.guest;
import static bd.com.getit.realtime.core.testing.Fixtures.info;
import static bd.com.getit.realtime.core.testing.Fixtures.withRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.adapter.memory.InMemoryConnectionRegistry;
import bd.com.getit.realtime.adapter.memory.InMemoryRateLimitStore;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RateDecision;
import bd.com.getit.realtime.domain.RateLimit;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.RateLimitStore;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionLimitsTest {
  private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
  private final InMemoryRateLimitStore store = new InMemoryRateLimitStore();
  private final MutableClock clock = new MutableClock();
  private final ConnectionLimits limits = new ConnectionLimits(registry, store, clock, 2, 3);

  @Test
  void refusesAUserAtTheLiveConnectionLimit() {
    registry.register(info("c1", "u1"));
    assertThat(done(limits.check(customer("u1"), "10.0.0.1"))).isNull();
    registry.register(info("c2", "u1"));
    RealtimeException e = failure(limits.check(customer("u1"), "10.0.0.2"));
    assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_LIMIT);
    assertThat(done(limits.check(customer("u2"), "10.0.0.3"))).isNull();
  }

  @Test
  void theLimitAppliesToEveryRole() {
    registry.register(info("c1", "adm"));
    registry.register(info("c2", "adm"));
    assertThat(code(limits.check(withRole("adm", Role.ADMIN), "10.0.0.1")))
        .isEqualTo(ErrorCode.CONNECTION_LIMIT);
  }

  @Test
  void guestsAreNotLookedUp() {
    ConnectionRegistry mocked = mock(ConnectionRegistry.class);
    ConnectionLimits l = new ConnectionLimits(mocked, store, clock, 1, 3);
    assertThat(done(l.check(guest("g1"), "10.0.0.1"))).isNull();
    verifyNoInteractions(mocked);
  }

  @Test
  void countsNewConnectionsPerAddress() {
    for (int i = 0; i < 3; i++) {
      assertThat(done(limits.check(customer("u" + i), "10.9.9.9"))).isNull();
    }
    RealtimeException e = failure(limits.check(customer("u9"), "10.9.9.9"));
    assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_LIMIT);
    // the store's answer: the oldest of the three leaves the one-minute window in 60 s
    assertThat(e.retryAfterMs()).isEqualTo(60_000);
    assertThat(done(limits.check(customer("u9"), "10.9.9.8"))).isNull();
    clock.advance(Duration.ofMinutes(1));
    assertThat(done(limits.check(customer("u9"), "10.9.9.9"))).isNull();
  }

  @Test
  void asksTheStoreWithAPerMinuteLimitAtTheClocksTime() {
    RateLimitStore mocked = mock(RateLimitStore.class);
    when(mocked.tryAcquire(any(), any(), any()))
        .thenReturn(CompletableFuture.completedFuture(RateDecision.ALLOW));
    new ConnectionLimits(registry, mocked, clock, 2, 7).check(customer("u1"), "10.1.1.1");
    verify(mocked).tryAcquire("addr:10.1.1.1:connect", RateLimit.perMinute(7), clock.now());
  }

  @Test
  void anAddressRefusalSkipsTheUserLookup() {
    RateLimitStore mocked = mock(RateLimitStore.class);
    ConnectionRegistry reg = mock(ConnectionRegistry.class);
    when(mocked.tryAcquire(any(), any(), any()))
        .thenReturn(CompletableFuture.completedFuture(RateDecision.deny(10)));
    assertThat(
            code(new ConnectionLimits(reg, mocked, clock, 2, 7).check(customer("u1"), "10.1.1.1")))
        .isEqualTo(ErrorCode.CONNECTION_LIMIT);
    verify(reg, never()).connectionsOf(any());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.10.20.30",
        "::1",
        "[::1]",
        "::ffff:127.0.0.1",
        "0:0:0:0:0:0:0:1"
      })
  void loopbackAddressesAreExempt(String address) {
    RateLimitStore mocked = mock(RateLimitStore.class);
    assertThat(
            done(
                new ConnectionLimits(registry, mocked, clock, 2, 1).check(customer("u1"), address)))
        .isNull();
    verifyNoInteractions(mocked);
  }

  @Test
  void rejectsABadUserLimit() {
    assertThatThrownBy(() -> new ConnectionLimits(registry, store, clock, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ConnectionLimits(registry, store, clock, 1, 1)).isNotNull();
  }
}
