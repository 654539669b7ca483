package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.RateDecision;
import bd.com.getit.realtime.domain.RateLimit;
import bd.com.getit.realtime.port.out.RateLimitStore;
import bd.com.getit.realtime.testkit.Concurrently;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimitStore} must do: an exact sliding window, where an attempt made at
 * {@code t} counts against every attempt in {@code (t - window, t]}.
 */
public abstract class RateLimitStoreContract {
  private static final Instant T0 = MutableClock.DEFAULT_START;
  private static final RateLimit TWO_PER_10S = new RateLimit(2, Duration.ofSeconds(10));

  private RateLimitStore store;

  /** A new store with no attempts counted. */
  protected abstract RateLimitStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private RateDecision attempt(String key, RateLimit limit, Instant at) {
    return join(store.tryAcquire(key, limit, at));
  }

  @Test
  void allowsUpToThePermitsThenDenies() {
    RateLimit three = new RateLimit(3, Duration.ofMinutes(1));

    assertThat(attempt("alice:send", three, T0)).isEqualTo(RateDecision.ALLOW);
    assertThat(attempt("alice:send", three, T0.plusSeconds(1)).allowed()).isTrue();
    assertThat(attempt("alice:send", three, T0.plusSeconds(2)).allowed()).isTrue();
    assertThat(attempt("alice:send", three, T0.plusSeconds(3)).allowed()).isFalse();
  }

  @Test
  void aDenialSaysWhenTheOldestPermitFreesUp() {
    attempt("k", TWO_PER_10S, T0);
    attempt("k", TWO_PER_10S, T0.plusSeconds(3));

    RateDecision denied = attempt("k", TWO_PER_10S, T0.plusSeconds(5));

    assertThat(denied.allowed()).isFalse();
    assertThat(denied.retryAfterMs()).isEqualTo(5_000);
  }

  @Test
  void theWindowSlidesRatherThanResetting() {
    assertThat(attempt("k", TWO_PER_10S, T0).allowed()).isTrue();
    assertThat(attempt("k", TWO_PER_10S, T0.plusSeconds(9)).allowed()).isTrue();

    RateDecision justBefore = attempt("k", TWO_PER_10S, T0.plusMillis(9_999));
    assertThat(justBefore.allowed()).isFalse();
    assertThat(justBefore.retryAfterMs()).isEqualTo(1);

    assertThat(attempt("k", TWO_PER_10S, T0.plusSeconds(10)).allowed()).isTrue();
    RateDecision later = attempt("k", TWO_PER_10S, T0.plusSeconds(11));
    assertThat(later.allowed()).isFalse();
    assertThat(later.retryAfterMs()).isEqualTo(8_000);
  }

  @Test
  void aDeniedAttemptTakesNoPermit() {
    attempt("k", TWO_PER_10S, T0);
    attempt("k", TWO_PER_10S, T0);
    for (int i = 1; i <= 9; i++) {
      assertThat(attempt("k", TWO_PER_10S, T0.plusSeconds(i)).allowed()).isFalse();
    }

    assertThat(attempt("k", TWO_PER_10S, T0.plusSeconds(10)).allowed()).isTrue();
    assertThat(attempt("k", TWO_PER_10S, T0.plusSeconds(10)).allowed()).isTrue();
    assertThat(attempt("k", TWO_PER_10S, T0.plusSeconds(10)).allowed()).isFalse();
  }

  @Test
  void keysAreCountedSeparately() {
    attempt("alice:send", TWO_PER_10S, T0);
    attempt("alice:send", TWO_PER_10S, T0);

    assertThat(attempt("alice:send", TWO_PER_10S, T0).allowed()).isFalse();
    assertThat(attempt("bob:send", TWO_PER_10S, T0).allowed()).isTrue();
    assertThat(attempt("alice:join", TWO_PER_10S, T0).allowed()).isTrue();
  }

  @Test
  void concurrentAttemptsNeverPassMoreThanThePermits() {
    RateLimit hundred = new RateLimit(100, Duration.ofMinutes(1));

    List<Integer> allowedPerThread =
        Concurrently.call(
            8,
            () -> {
              int allowed = 0;
              for (int i = 0; i < 40; i++) {
                if (attempt("hot", hundred, T0).allowed()) {
                  allowed++;
                }
              }
              return allowed;
            });

    assertThat(allowedPerThread.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
  }
}
