package bd.com.getit.realtime.core.limits;

import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.customer;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static bd.com.getit.realtime.core.testing.Fixtures.failure;
import static bd.com.getit.realtime.core.testing.Fixtures.guest;
import static bd.com.getit.realtime.core.testing.Fixtures.withRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.core.RateLimiter.Action;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RateDecision;
import bd.com.getit.realtime.domain.RateLimit;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.port.out.RateLimitStore;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RateLimitPolicyTest {
  private final RateLimitStore store = mock(RateLimitStore.class);
  private final MutableClock clock = new MutableClock();
  private final RateLimitPolicy policy =
      new RateLimitPolicy(store, clock, Map.of(Action.TYPING, RateLimit.perMinute(5)));

  @Test
  void allowsWhileTheStoreAllows() {
    when(store.tryAcquire(any(), any(), any()))
        .thenReturn(CompletableFuture.completedFuture(RateDecision.ALLOW));
    clock.advance(Duration.ofSeconds(7));
    assertThat(done(policy.check(customer("u1"), Action.TYPING))).isNull();
    verify(store).tryAcquire("u1:typing", RateLimit.perMinute(5), clock.now());
  }

  @Test
  void usesTheDefaultForActionsNotConfigured() {
    when(store.tryAcquire(any(), any(), any()))
        .thenReturn(CompletableFuture.completedFuture(RateDecision.ALLOW));
    done(policy.check(customer("u1"), Action.SEND_MESSAGE));
    verify(store).tryAcquire("u1:send_message", RateLimit.perMinute(30), clock.now());
  }

  @Test
  void refusesWithRetryAfterWhenTheStoreDenies() {
    when(store.tryAcquire(any(), any(), any()))
        .thenReturn(CompletableFuture.completedFuture(RateDecision.deny(1234)));
    RealtimeException e = failure(policy.check(customer("u1"), Action.JOIN_CHANNEL));
    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(e.retryAfterMs()).isEqualTo(1234);
  }

  @Test
  void servicesAndAdminsAreExempt() {
    assertThat(done(policy.check(withRole("s", Role.SERVICE), Action.SEND_MESSAGE))).isNull();
    assertThat(done(policy.check(withRole("a", Role.ADMIN), Action.SEND_MESSAGE))).isNull();
    verifyNoInteractions(store);
  }

  @Test
  void guestsAndAgentsAreCounted() {
    when(store.tryAcquire(any(), any(), any()))
        .thenReturn(CompletableFuture.completedFuture(RateDecision.deny(5)));
    assertThat(code(policy.check(guest("g1"), Action.TYPING))).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(code(policy.check(withRole("ag", Role.SUPPORT_AGENT), Action.TYPING)))
        .isEqualTo(ErrorCode.RATE_LIMITED);
  }

  @Test
  void aStoreFailureFailsTheCheck() {
    when(store.tryAcquire(any(), any(), any())).thenThrow(new IllegalStateException("down"));
    assertThat(policy.check(customer("u1"), Action.TYPING).toCompletableFuture())
        .isCompletedExceptionally();
  }

  @Test
  void keyNamesUserAndAction() {
    assertThat(RateLimitPolicy.key(customer("u9"), Action.UPDATE_PRESENCE))
        .isEqualTo("u9:update_presence");
  }

  @Test
  void aStoreThatAnswersThroughAStageGetsTheSameVerdicts() {
    when(store.tryAcquire(any(), any(), any()))
        .thenReturn(CompletableFuture.completedFuture(RateDecision.ALLOW).minimalCompletionStage())
        .thenReturn(
            CompletableFuture.completedFuture(RateDecision.deny(99)).minimalCompletionStage())
        .thenReturn(null);

    assertThat(done(policy.check(customer("u1"), Action.TYPING))).isNull();
    RealtimeException denied = failure(policy.check(customer("u1"), Action.TYPING));
    assertThat(denied.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(denied.retryAfterMs()).isEqualTo(99);
    assertThat(code(policy.check(customer("u1"), Action.TYPING))).isEqualTo(ErrorCode.INTERNAL);
  }
}
