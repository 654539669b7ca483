package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollingTransportTest {

  private final AtomicInteger closesWithoutPoll = new AtomicInteger();
  private final EngineSession session =
      new EngineSession(
          "sid1",
          "127.0.0.1",
          Map.of("EIO", List.of("4")),
          Map.of(),
          EngineOptions.builder().pingInterval(Duration.ofMinutes(1)).build(),
          new IgnoringListener(),
          new ManualScheduler(),
          () -> {});
  private final PollingTransport polling =
      new PollingTransport(session, closesWithoutPoll::incrementAndGet);

  @Test
  void aClientsCloseWithNoPollWaitingIsRememberedWhileTheSessionLockIsHeld() {
    session.start(polling);

    session.onPacket(polling, EnginePacket.CLOSE);

    // remembered by closedLocked, before the lock is let go: a poll that sees the session closed
    // then finds the grace entry (abort, after the lock, no longer remembers it a second time)
    assertThat(closesWithoutPoll).hasValue(1);
  }

  @Test
  void theCloseIsRememberedOnceWhenDecidedNotAgainOnAbort() {
    session.start(polling);

    synchronized (session.lock) {
      polling.closedLocked(true);
    }
    assertThat(closesWithoutPoll).hasValue(1);
    polling.abort(true);

    assertThat(closesWithoutPoll).hasValue(1);
  }

  @Test
  void aServerCloseIsNotRememberedForLatePolls() {
    session.start(polling);

    session.terminate("forced close", false);

    assertThat(closesWithoutPoll).hasValue(0);
  }
}
