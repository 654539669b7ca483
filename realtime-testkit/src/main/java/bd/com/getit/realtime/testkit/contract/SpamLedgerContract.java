package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.SpamLimits;
import bd.com.getit.realtime.domain.chat.SpamSample;
import bd.com.getit.realtime.domain.chat.SpamVerdict;
import bd.com.getit.realtime.port.out.SpamLedger;
import bd.com.getit.realtime.testkit.Concurrently;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SpamLedger} must do: judge each message against the sender's messages of the
 * window {@code (at - window, at]}, remember only what passes, and judge atomically per sender.
 */
public abstract class SpamLedgerContract {
  private static final Instant T0 = MutableClock.DEFAULT_START;
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final RoomId SUPPORT = RoomId.of("support-1");
  private static final long HELLO = 0x1234_5678_9abc_def0L;
  private static final long BYE = -42L;

  /** Two repeats and three rooms a minute. */
  private static final SpamLimits LIMITS = new SpamLimits(2, 3, Duration.ofMinutes(1));

  private SpamLedger ledger;

  /** A new ledger that remembers nothing. */
  protected abstract SpamLedger newLedger();

  @BeforeEach
  void createLedger() {
    ledger = newLedger();
  }

  private SpamVerdict judge(UserId sender, RoomId room, long text, Instant at) {
    return join(ledger.judge(new SpamSample(sender, room, text, at), LIMITS));
  }

  @Test
  void theSameTextPassesUpToTheRepeatLimitThenIsRepeated() {
    assertThat(judge(ALICE, SUPPORT, HELLO, T0)).isEqualTo(SpamVerdict.PASSED);
    assertThat(judge(ALICE, SUPPORT, HELLO, T0.plusSeconds(1))).isEqualTo(SpamVerdict.PASSED);
    assertThat(judge(ALICE, SUPPORT, HELLO, T0.plusSeconds(2))).isEqualTo(SpamVerdict.REPEATED);
    assertThat(judge(ALICE, SUPPORT, BYE, T0.plusSeconds(3))).isEqualTo(SpamVerdict.PASSED);
  }

  @Test
  void aRepeatCountsInEveryRoom() {
    judge(ALICE, RoomId.of("r1"), HELLO, T0);
    judge(ALICE, RoomId.of("r2"), HELLO, T0);

    assertThat(judge(ALICE, RoomId.of("r1"), HELLO, T0)).isEqualTo(SpamVerdict.REPEATED);
  }

  @Test
  void theWindowSlidesAndAMessageExactlyOneWindowOldHasLeftIt() {
    judge(ALICE, SUPPORT, HELLO, T0);
    judge(ALICE, SUPPORT, HELLO, T0.plusSeconds(30));

    assertThat(judge(ALICE, SUPPORT, HELLO, T0.plusMillis(59_999))).isEqualTo(SpamVerdict.REPEATED);
    assertThat(judge(ALICE, SUPPORT, HELLO, T0.plusSeconds(60))).isEqualTo(SpamVerdict.PASSED);
    assertThat(judge(ALICE, SUPPORT, HELLO, T0.plusSeconds(61))).isEqualTo(SpamVerdict.REPEATED);
  }

  @Test
  void aRefusedMessageIsNotRemembered() {
    judge(ALICE, SUPPORT, HELLO, T0);
    judge(ALICE, SUPPORT, HELLO, T0.plusSeconds(1));
    for (int i = 2; i < 50; i++) {
      assertThat(judge(ALICE, SUPPORT, HELLO, T0.plusSeconds(i))).isEqualTo(SpamVerdict.REPEATED);
    }

    // Had the refusals been remembered, the text would stay spam for another minute.
    assertThat(judge(ALICE, SUPPORT, HELLO, T0.plusSeconds(61))).isEqualTo(SpamVerdict.PASSED);
  }

  @Test
  void writingToOneRoomTooManyIsRefusedButTheKnownRoomsStayOpen() {
    judge(ALICE, RoomId.of("r1"), 1, T0);
    judge(ALICE, RoomId.of("r2"), 2, T0);
    judge(ALICE, RoomId.of("r3"), 3, T0);

    assertThat(judge(ALICE, RoomId.of("r4"), 4, T0.plusSeconds(1)))
        .isEqualTo(SpamVerdict.TOO_MANY_ROOMS);
    assertThat(judge(ALICE, RoomId.of("r2"), 5, T0.plusSeconds(1))).isEqualTo(SpamVerdict.PASSED);
    assertThat(judge(ALICE, RoomId.of("r4"), 6, T0.plusSeconds(61))).isEqualTo(SpamVerdict.PASSED);
  }

  @Test
  void theRepeatRuleIsCheckedBeforeTheRoomRule() {
    judge(ALICE, RoomId.of("r1"), HELLO, T0);
    judge(ALICE, RoomId.of("r2"), HELLO, T0);
    judge(ALICE, RoomId.of("r3"), BYE, T0);

    assertThat(judge(ALICE, RoomId.of("r4"), HELLO, T0)).isEqualTo(SpamVerdict.REPEATED);
  }

  @Test
  void sendersAreJudgedSeparately() {
    judge(ALICE, SUPPORT, HELLO, T0);
    judge(ALICE, SUPPORT, HELLO, T0);

    assertThat(judge(BOB, SUPPORT, HELLO, T0)).isEqualTo(SpamVerdict.PASSED);
    assertThat(judge(ALICE, SUPPORT, HELLO, T0)).isEqualTo(SpamVerdict.REPEATED);
  }

  @Test
  void concurrentMessagesNeverPassMoreThanTheLimit() {
    SpamLimits ten = new SpamLimits(10, 3, Duration.ofMinutes(1));

    List<Integer> passedPerThread =
        Concurrently.call(
            8,
            () -> {
              int passed = 0;
              for (int i = 0; i < 10; i++) {
                SpamSample sample = new SpamSample(ALICE, SUPPORT, HELLO, T0.plusMillis(i));
                if (join(ledger.judge(sample, ten)) == SpamVerdict.PASSED) {
                  passed++;
                }
              }
              return passed;
            });

    assertThat(passedPerThread.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
  }
}
