package bd.com.getit.realtime.adapter.memory;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.SpamLimits;
import bd.com.getit.realtime.domain.chat.SpamSample;
import bd.com.getit.realtime.port.out.SpamLedger;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.SpamLedgerContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemorySpamLedgerTest extends SpamLedgerContract {

  @Override
  protected SpamLedger newLedger() {
    return new InMemorySpamLedger();
  }

  @Test
  void theLeastRecentlyActiveUserIsForgottenPastTheBound() {
    InMemorySpamLedger ledger = new InMemorySpamLedger(2);
    SpamLimits limits = new SpamLimits(1, 10, Duration.ofMinutes(1));
    for (String user : new String[] {"u1", "u2", "u3"}) {
      join(
          ledger.judge(
              new SpamSample(UserId.of(user), RoomId.of("r"), 7L, MutableClock.DEFAULT_START),
              limits));
    }

    assertThat(ledger.trackedUsers()).isEqualTo(2);
  }
}
