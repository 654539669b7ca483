package bd.com.getit.realtime.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
  private static final Principal ALICE = Principal.of(UserId.of("alice"), Set.of(Role.SERVICE));

  private long now = 1_000_000;
  private final VerifiedTokens tokens = new VerifiedTokens(3, Duration.ofSeconds(60), () -> now);

  @Test
  void aRememberedTokenIsFoundUntilItExpires() {
    tokens.remember("t1", ALICE, Optional.of(Instant.ofEpochMilli(now + 10_000)), 0);

    assertThat(tokens.find("t1", 0)).contains(ALICE);
    assertThat(tokens.find("t1-tampered", 0)).isEmpty();
    now += 9_999;
    assertThat(tokens.find("t1", 0)).contains(ALICE);
    now += 1;
    assertThat(tokens.find("t1", 0)).isEmpty();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void aLongLivedTokenIsCheckedAgainAfterTheMaximumAge() {
    tokens.remember("t1", ALICE, Optional.of(Instant.ofEpochMilli(now + 3_600_000)), 0);
    tokens.remember("t2", ALICE, Optional.empty(), 0);

    now += 59_999;
    assertThat(tokens.find("t1", 0)).contains(ALICE);
    assertThat(tokens.find("t2", 0)).contains(ALICE);
    now += 1;
    assertThat(tokens.find("t1", 0)).isEmpty();
    assertThat(tokens.find("t2", 0)).isEmpty();
  }

  @Test
  void anAlreadyExpiredTokenIsNotRemembered() {
    tokens.remember("t1", ALICE, Optional.of(Instant.ofEpochMilli(now)), 0);

    assertThat(tokens.find("t1", 0)).isEmpty();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void atCapacityTheCacheStartsOver() {
    tokens.remember("t1", ALICE, Optional.empty(), 0);
    tokens.remember("t2", ALICE, Optional.empty(), 0);
    tokens.remember("t3", ALICE, Optional.empty(), 0);
    tokens.remember("t4", ALICE, Optional.empty(), 0);

    assertThat(tokens.size()).isEqualTo(1);
    assertThat(tokens.find("t4", 0)).contains(ALICE);
    assertThat(tokens.find("t1", 0)).isEmpty();
  }

  @Test
  void aTokenVerifiedWithAnotherKeySetIsNotFound() {
    tokens.remember("t1", ALICE, Optional.empty(), 1);

    assertThat(tokens.find("t1", 1)).contains(ALICE);
    assertThat(tokens.find("t1", 2)).isEmpty();
    assertThat(tokens.find("t1", 1)).as("dropped once seen stale").isEmpty();
  }

  @Test
  void theCapacityIsPositive() {
    assertThatThrownBy(() -> new VerifiedTokens(0, Duration.ofSeconds(1), () -> 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
