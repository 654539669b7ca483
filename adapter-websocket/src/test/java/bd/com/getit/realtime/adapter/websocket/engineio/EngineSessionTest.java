package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngineSessionTest {

  private static final Duration INTERVAL = Duration.ofMillis(300);
  private static final Duration TIMEOUT = Duration.ofMillis(200);

  private final ManualScheduler clock = new ManualScheduler();
  private final Recorder listener = new Recorder();
  private final FakeTransport transport = new FakeTransport();
  private final AtomicInteger terminated = new AtomicInteger();
  private EngineSession session;

  @BeforeEach
  void openSession() {
    session = newSession(1_000);
    session.start(transport);
    session.open(() -> {});
  }

  private EngineSession newSession(long queueBytes) {
    return newSession(queueBytes, Duration.ofSeconds(10));
  }

  private EngineSession newSession(long queueBytes, Duration upgradeTimeout) {
    EngineOptions options =
        EngineOptions.builder()
            .pingInterval(INTERVAL)
            .pingTimeout(TIMEOUT)
            .sendQueueBytes(queueBytes)
            .upgradeTimeout(upgradeTimeout)
            .build();
    return new EngineSession(
        "sid1",
        "127.0.0.1",
        Map.of("EIO", List.of("4")),
        Map.of("host", List.of("localhost")),
        options,
        listener,
        clock,
        terminated::incrementAndGet);
  }

  private List<EnginePacket> queued() {
    synchronized (session.lock) {
      return session.pollAllLocked();
    }
  }

  @Test
  void pingsOncePerIntervalAndNotBefore() {
    clock.advance(INTERVAL.minusMillis(1));
    assertThat(queued()).isEmpty();

    clock.advance(Duration.ofMillis(1));

    assertThat(queued()).containsExactly(EnginePacket.PING);
    assertThat(transport.flushes).isPositive();
  }

  @Test
  void closesWithPingTimeoutWhenNoPongComes() {
    clock.advance(INTERVAL.plus(TIMEOUT).minusMillis(1));
    assertThat(session.isOpen()).isTrue();

    clock.advance(Duration.ofMillis(1));

    assertThat(session.isOpen()).isFalse();
    assertThat(listener.events).containsExactly("open", "close:ping timeout");
    assertThat(transport.aborts).containsExactly(false);
    assertThat(terminated).hasValue(1);
  }

  @Test
  void aPongKeepsTheSessionAndSchedulesTheNextPing() {
    clock.advance(INTERVAL);
    queued();
    clock.advance(TIMEOUT.minusMillis(50));
    session.onPacket(transport, EnginePacket.PONG);

    clock.advance(INTERVAL.minusMillis(1));
    assertThat(session.isOpen()).isTrue();
    assertThat(queued()).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(queued()).containsExactly(EnginePacket.PING);
  }

  @Test
  void anUpgradeClaimKeepsOtherClaimsOutUntilItLapses() {
    session = newSession(1_000, Duration.ofMillis(100));
    session.start(transport);
    session.open(() -> {});
    Object claim = session.claimUpgrade();

    assertThat(claim).isNotNull();
    assertThat(session.claimUpgrade()).as("a second websocket's claim").isNull();
    clock.advance(Duration.ofMillis(99));
    assertThat(session.claimUpgrade()).isNull();
    clock.advance(Duration.ofMillis(1)); // the upgrade timeout: the claim was never taken up
    assertThat(session.claimUpgrade()).isNotNull().isNotSameAs(claim);
  }

  @Test
  void aRefusalWaitsWhileAnUpgradeIsClaimedButNotYetProbed() {
    session.claimUpgrade();
    List<String> refused = new ArrayList<>();

    session.refuseAfterProbe(() -> refused.add("second"));

    assertThat(refused).as("not before the claimed websocket's probe").isEmpty();
    clock.advance(Duration.ofMillis(EngineSession.REFUSAL_WAIT_MILLIS));
    assertThat(refused).containsExactly("second");
  }

  @Test
  void aClientPingIsATransportError() {
    session.onPacket(transport, EnginePacket.PING);

    assertThat(listener.events).containsExactly("open", "close:transport error");
  }

  @Test
  void aClosePacketFromTheClientIsATransportClose() {
    session.onPacket(transport, EnginePacket.CLOSE);

    assertThat(listener.events).containsExactly("open", "close:transport close");
    assertThat(transport.aborts).containsExactly(true);
  }

  @Test
  void theTransportHearsOfTheCloseUnderTheSessionLockThenIsAbortedOutsideIt() {
    transport.lock = session.lock;

    session.onPacket(transport, EnginePacket.CLOSE);
    session.terminate("again", false);

    assertThat(transport.calls).containsExactly("closedLocked(true) locked", "abort(true)");
  }

  @Test
  void deliversMessagesInOrderAndNothingAfterClose() {
    session.onPacket(transport, EnginePacket.message("a"));
    session.onPacket(transport, EnginePacket.message(new byte[] {7}));
    session.onPacket(transport, EnginePacket.NOOP);
    session.onPacket(transport, EnginePacket.UPGRADE);
    session.terminate("transport close", false);
    session.onPacket(transport, EnginePacket.message("late"));

    assertThat(listener.events)
        .containsExactly("open", "text:a", "binary:1", "close:transport close");
  }

  @Test
  void ignoresPacketsFromAForeignTransport() {
    session.onPacket(new FakeTransport(), EnginePacket.message("stray"));

    assertThat(listener.events).containsExactly("open");
  }

  @Test
  void anIdleSessionKeepsNoQueueUntilItsFirstPacketAndDropsOneThatHeldABacklog() {
    EngineSession fresh = newSession(100_000);
    fresh.start(transport);
    synchronized (fresh.lock) {
      assertThat(fresh.holdsQueueLocked()).isFalse();
      assertThat(fresh.pollOneLocked()).isNull();
      assertThat(fresh.pollAllLocked()).isEmpty();
      assertThat(fresh.hasQueuedLocked()).isFalse();
      assertThat(fresh.queuedCountLocked()).isZero();
    }

    assertThat(fresh.send("a")).isTrue();
    synchronized (fresh.lock) {
      assertThat(fresh.pollOneLocked()).isEqualTo(EnginePacket.message("a"));
      // a packet at a time: the small queue is kept for the next one
      assertThat(fresh.holdsQueueLocked()).isTrue();
    }

    int backlog = EngineSession.QUEUE_KEPT_UP_TO + 1;
    for (int i = 0; i < backlog; i++) {
      assertThat(fresh.send("m" + i)).isTrue();
    }
    List<EnginePacket> drained = new ArrayList<>();
    synchronized (fresh.lock) {
      assertThat(fresh.queuedCountLocked()).isEqualTo(backlog);
      EnginePacket next;
      while ((next = fresh.pollOneLocked()) != null) {
        drained.add(next);
      }
      assertThat(fresh.holdsQueueLocked()).isFalse();
    }
    assertThat(drained).hasSize(backlog).first().isEqualTo(EnginePacket.message("m0"));
    assertThat(drained).last().isEqualTo(EnginePacket.message("m" + (backlog - 1)));
    assertThat(fresh.queuedBytes()).isZero();

    for (int i = 0; i < backlog; i++) {
      fresh.send("again" + i);
    }
    synchronized (fresh.lock) {
      assertThat(fresh.pollAllLocked()).hasSize(backlog);
      assertThat(fresh.holdsQueueLocked()).isFalse();
    }
    assertThat(fresh.send("after")).isTrue();
    assertThat(fresh.queuedBytes()).isEqualTo(6);
  }

  @Test
  void callbacksRunOneAtATimeUnderTheSessionsMonitor() throws Exception {
    // the listener holds the callback monitor while it runs: a second delivery from another
    // thread waits for it, and the state lock stays free for sends meanwhile
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    listener.onText =
        text -> {
          if (text.equals("slow")) {
            inside.countDown();
            await(release);
          }
        };
    Thread first = new Thread(() -> session.onPacket(transport, EnginePacket.message("slow")));
    first.start();
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    Thread second = new Thread(() -> session.onPacket(transport, EnginePacket.message("next")));
    second.start();
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> second.getState() == Thread.State.BLOCKED);
    assertThat(session.send("meanwhile")).isTrue();
    assertThat(listener.events).containsExactly("open");
    release.countDown();
    first.join(5_000);
    second.join(5_000);
    assertThat(listener.events).containsExactly("open", "text:slow", "text:next");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void boundsTheSendQueueInBytes() {
    EngineSession small = newSession(10);
    small.start(transport);

    assertThat(small.send("12345678")).isTrue(); // 9 bytes with the type
    assertThat(small.queuedBytes()).isEqualTo(9);
    assertThat(small.send("ab")).isFalse();
    assertThat(small.send(new byte[0])).isTrue();
    assertThat(small.queuedBytes()).isEqualTo(10);
  }

  @Test
  void sendAllQueuesAllOrNothing() {
    EngineSession small = newSession(10);
    small.start(transport);

    assertThat(small.sendAll(List.of("1234", new byte[] {1, 2, 3, 4, 5}))).isFalse();
    assertThat(small.queuedBytes()).isZero();
    assertThat(small.sendAll(List.of("12", new byte[] {1, 2}))).isTrue();
    synchronized (small.lock) {
      assertThat(small.pollAllLocked())
          .containsExactly(EnginePacket.message("12"), EnginePacket.message(new byte[] {1, 2}));
    }
  }

  @Test
  void refusesSendsOnceClosed() {
    session.terminate("forced close", false);

    assertThat(session.send("x")).isFalse();
    assertThat(session.queuedBytes()).isZero();
  }

  @Test
  void reportsCloseExactlyOnce() {
    session.terminate("transport close", false);
    session.terminate("ping timeout", false);
    session.close();

    assertThat(listener.events).containsExactly("open", "close:transport close");
    assertThat(terminated).hasValue(1);
  }

  @Test
  void anOrderlyCloseDrainsThroughTheTransportThenReportsForcedClose() {
    session.send("last");
    session.close();

    assertThat(session.isOpen()).isFalse();
    assertThat(transport.beginCloses).isEqualTo(1);
    assertThat(listener.events).containsExactly("open");

    session.terminate(session.closingReason(), false);
    assertThat(listener.events).containsExactly("open", "close:forced close");
  }

  @Test
  void anOrderlyCloseEndsAfterAGraceTimeWhenTheClientNeverPollsAgain() {
    session.close();

    clock.advance(INTERVAL.plus(TIMEOUT));

    assertThat(listener.events).containsExactly("open", "close:forced close");
    assertThat(clock.pending()).isZero();
  }

  @Test
  void noCloseIsReportedForASessionThatNeverOpened() {
    EngineSession unopened = newSession(100);
    unopened.start(transport);
    unopened.terminate("transport error", false);
    unopened.open(() -> {});

    assertThat(listener.events).containsExactly("open");
  }

  @Test
  void keepsAttachmentsByType() {
    session.attach("state");

    assertThat(session.attachment(String.class)).isEqualTo("state");
    assertThat(session.attachment(Integer.class)).isNull();
  }

  /** Records what the session does to its transport. */
  private static final class FakeTransport implements Transport {
    int flushes;
    int beginCloses;
    final List<Boolean> aborts = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    Object lock = new Object();

    @Override
    public void closedLocked(boolean clientInitiated) {
      calls.add(
          "closedLocked(" + clientInitiated + ")" + (Thread.holdsLock(lock) ? " locked" : ""));
    }

    @Override
    public String name() {
      return EngineOptions.POLLING;
    }

    @Override
    public void flush() {
      flushes++;
    }

    @Override
    public void beginClose() {
      beginCloses++;
    }

    @Override
    public void abort(boolean clientInitiated) {
      aborts.add(clientInitiated);
      calls.add("abort(" + clientInitiated + ")" + (Thread.holdsLock(lock) ? " locked" : ""));
    }
  }

  /** Records listener callbacks as short strings. */
  private static final class Recorder implements EngineListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    volatile Consumer<String> onText = text -> {};

    @Override
    public void onOpen(EngineSocket socket) {
      events.add("open");
    }

    @Override
    public void onMessage(EngineSocket socket, String text) {
      onText.accept(text);
      events.add("text:" + text);
    }

    @Override
    public void onBinary(EngineSocket socket, byte[] data) {
      events.add("binary:" + data.length);
    }

    @Override
    public void onClose(EngineSocket socket, String reason) {
      events.add("close:" + reason);
    }
  }
}
