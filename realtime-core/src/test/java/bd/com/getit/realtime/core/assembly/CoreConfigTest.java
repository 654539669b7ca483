package bd.com.getit.realtime.core.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.RateLimit;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreConfigTest {

  @Test
  void defaultsFollowTheProtocol() {
    CoreConfig c = CoreConfig.defaults();
    assertThat(c.nodeId()).isEqualTo(NodeId.of("local"));
    assertThat(c.allowGuests()).isTrue();
    assertThat(c.maxChannelsPerConnection()).isEqualTo(100);
    assertThat(c.recoveryWindow()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.maxConnectionsPerUser()).isEqualTo(10);
    assertThat(c.newConnectionsPerAddressPerMinute()).isEqualTo(300);
    assertThat(c.dedupWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.offlineTtl()).isEqualTo(Duration.ofHours(24));
    assertThat(c.rateLimit(RateLimiter.Action.SEND_MESSAGE)).isEqualTo(RateLimit.perMinute(30));
    assertThat(c.rateLimit(RateLimiter.Action.JOIN_CHANNEL)).isEqualTo(RateLimit.perMinute(60));
    assertThat(c.rateLimit(RateLimiter.Action.BROADCAST_EVENT)).isEqualTo(RateLimit.perMinute(120));
    assertThat(c.rateLimit(RateLimiter.Action.UPDATE_PRESENCE)).isEqualTo(RateLimit.perMinute(60));
    assertThat(c.rateLimit(RateLimiter.Action.TYPING)).isEqualTo(RateLimit.perMinute(120));
    assertThat(c.rateLimits()).hasSize(RateLimiter.Action.values().length);
  }

  @Test
  void builderOverridesEverySetting() {
    CoreConfig c =
        CoreConfig.builder()
            .nodeId(NodeId.of("n2"))
            .allowGuests(false)
            .maxChannelsPerConnection(5)
            .recoveryWindow(Duration.ofSeconds(30))
            .rateLimit(RateLimiter.Action.TYPING, RateLimit.perMinute(7))
            .maxConnectionsPerUser(2)
            .newConnectionsPerAddressPerMinute(3)
            .dedupWindow(Duration.ofMinutes(1))
            .offlineTtl(Duration.ofHours(1))
            .build();
    assertThat(c.nodeId()).isEqualTo(NodeId.of("n2"));
    assertThat(c.allowGuests()).isFalse();
    assertThat(c.maxChannelsPerConnection()).isEqualTo(5);
    assertThat(c.recoveryWindow()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.rateLimit(RateLimiter.Action.TYPING)).isEqualTo(RateLimit.perMinute(7));
    assertThat(c.rateLimit(RateLimiter.Action.SEND_MESSAGE)).isEqualTo(RateLimit.perMinute(30));
    assertThat(c.maxConnectionsPerUser()).isEqualTo(2);
    assertThat(c.newConnectionsPerAddressPerMinute()).isEqualTo(3);
    assertThat(c.dedupWindow()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.offlineTtl()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void rateLimitsAreCopiedAndUnmodifiable() {
    CoreConfig c = CoreConfig.defaults();
    assertThatThrownBy(() -> c.rateLimits().put(RateLimiter.Action.TYPING, RateLimit.perMinute(1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsInvalidValues() {
    assertThatThrownBy(() -> CoreConfig.builder().nodeId(null).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CoreConfig.builder().maxChannelsPerConnection(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CoreConfig.builder().maxConnectionsPerUser(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CoreConfig.builder().newConnectionsPerAddressPerMinute(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CoreConfig.builder().recoveryWindow(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CoreConfig.builder().dedupWindow(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CoreConfig.builder().offlineTtl(null).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> CoreConfig.builder().rateLimit(RateLimiter.Action.TYPING, null).build())
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void acceptsTheSmallestValidValues() {
    CoreConfig c =
        CoreConfig.builder()
            .maxChannelsPerConnection(1)
            .maxConnectionsPerUser(1)
            .newConnectionsPerAddressPerMinute(1)
            .recoveryWindow(Duration.ofNanos(1))
            .build();
    assertThat(c.maxChannelsPerConnection()).isEqualTo(1);
    assertThat(c.recoveryWindow()).isEqualTo(Duration.ofNanos(1));
  }

  @Test
  void partialRateLimitMapKeepsDefaultsForOthers() {
    CoreConfig base = CoreConfig.defaults();
    CoreConfig c =
        new CoreConfig(
            base.nodeId(),
            true,
            100,
            base.recoveryWindow(),
            Map.of(RateLimiter.Action.JOIN_CHANNEL, RateLimit.perMinute(1)),
            10,
            300,
            base.dedupWindow(),
            base.offlineTtl(),
            base.presenceIdleAfter(),
            base.spamRules(),
            base.chatRules());
    assertThat(c.rateLimit(RateLimiter.Action.JOIN_CHANNEL)).isEqualTo(RateLimit.perMinute(1));
    assertThat(c.rateLimit(RateLimiter.Action.REST_READ)).isEqualTo(RateLimit.perMinute(600));
  }
}
