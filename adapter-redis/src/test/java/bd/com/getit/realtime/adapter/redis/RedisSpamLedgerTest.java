package bd.com.getit.realtime.adapter.redis;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.SpamLimits;
import bd.com.getit.realtime.domain.chat.SpamSample;
import bd.com.getit.realtime.domain.chat.SpamVerdict;
import bd.com.getit.realtime.port.out.SpamLedger;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.SpamLedgerContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisSpamLedgerTest extends SpamLedgerContract {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  @Override
  protected SpamLedger newLedger() {
    return new RedisSpamLedger(redis.fresh());
  }

  @Test
  void twoNodesShareOneLedger() {
    Redis shared = redis.fresh();
    SpamLedger nodeA = new RedisSpamLedger(shared);
    SpamLedger nodeB = new RedisSpamLedger(shared);
    SpamLimits limits = new SpamLimits(2, 10, Duration.ofMinutes(1));
    SpamSample hello =
        new SpamSample(UserId.of("u"), RoomId.of("r"), 99L, MutableClock.DEFAULT_START);

    assertThat(join(nodeA.judge(hello, limits))).isEqualTo(SpamVerdict.PASSED);
    assertThat(join(nodeB.judge(hello, limits))).isEqualTo(SpamVerdict.PASSED);
    assertThat(join(nodeA.judge(hello, limits))).isEqualTo(SpamVerdict.REPEATED);
  }

  @Test
  void everyKeyExpiresAboutOneWindowAfterTheLastPassedMessage() {
    Redis fresh = redis.fresh();
    SpamLedger ledger = new RedisSpamLedger(fresh);
    join(
        ledger.judge(
            new SpamSample(UserId.of("u"), RoomId.of("r"), 5L, MutableClock.DEFAULT_START),
            new SpamLimits(2, 10, Duration.ofSeconds(30))));

    java.util.Set<String> keys = join(fresh.call(c -> c.keys(fresh.key("SPAM:*"))));
    assertThat(keys).hasSize(3);
    for (String key : keys) {
      long ttl = join(fresh.<Long>call(c -> c.pttl(key)));
      assertThat(ttl).isBetween(29_000L, 31_000L);
    }
  }
}
