package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SendQueueBudgetTest {

  /** Each packet {@code "4" + 99 chars} weighs 100 bytes. */
  private static final String HUNDRED_BYTES = "x".repeat(99);

  private final ManualScheduler clock = new ManualScheduler();
  private final Map<String, String> closes = new ConcurrentHashMap<>();

  private EngineSession open(String id, SendQueueBudget budget) {
    EngineOptions options =
        EngineOptions.builder()
            .pingInterval(Duration.ofHours(1))
            .pingTimeout(Duration.ofHours(1))
            .sendQueueBytes(10_000)
            .build();
    EngineSession session =
        new EngineSession(
            id,
            "127.0.0.1",
            Map.of(),
            Map.of(),
            options,
            new ClosesRecorder(closes),
            clock,
            () -> {},
            budget);
    session.start(new StuckTransport());
    session.open(() -> {});
    return session;
  }

  private static void fill(EngineSession session, int packets) {
    for (int i = 0; i < packets; i++) {
      assertThat(session.send(HUNDRED_BYTES)).isTrue();
    }
  }

  @Test
  void countsWhatIsQueuedAndReleasesWhatIsTaken() {
    SendQueueBudget budget = new SendQueueBudget(10_000);
    EngineSession session = open("a", budget);

    fill(session, 3);
    assertThat(budget.usedBytes()).isEqualTo(300).isEqualTo(session.queuedBytes());

    synchronized (session.lock) {
      session.pollOneLocked();
    }
    assertThat(budget.usedBytes()).isEqualTo(200);
    synchronized (session.lock) {
      session.pollAllLocked();
    }
    assertThat(budget.usedBytes()).isZero();
  }

  @Test
  void aBatchTakenAtOnceKeepsTheOrderAndGivesItsBytesBackTogether() {
    SendQueueBudget budget = new SendQueueBudget(10_000);
    EngineSession session = open("a", budget);
    for (int i = 0; i < 3; i++) {
      assertThat(session.send(i + HUNDRED_BYTES.substring(1))).isTrue();
    }
    List<EnginePacket> batch = new ArrayList<>();

    long weight;
    synchronized (session.lock) {
      weight = session.pollIntoLocked(batch, 2, 0, 64 * 1024);
    }

    assertThat(weight).isEqualTo(200);
    assertThat(batch).extracting(p -> p.text().charAt(0)).containsExactly('0', '1');
    assertThat(budget.usedBytes()).isEqualTo(100).isEqualTo(session.queuedBytes());
    synchronized (session.lock) {
      // a batch stops once it weighs its byte bound, after at least the packet that crossed it
      assertThat(session.pollIntoLocked(batch, 10, 0, 50)).isEqualTo(100);
      assertThat(session.pollIntoLocked(batch, 10, 0, 50)).as("nothing left").isZero();
    }
    assertThat(batch).hasSize(3);
    assertThat(budget.usedBytes()).isZero();
  }

  @Test
  void aClosedSessionGivesItsQueueBack() {
    SendQueueBudget budget = new SendQueueBudget(10_000);
    EngineSession session = open("a", budget);
    fill(session, 5);

    session.terminate("transport close", true);

    assertThat(budget.usedBytes()).isZero();
  }

  @Test
  void whenExhaustedTheSessionsWithTheMostQueuedAreClosedFirst() {
    SendQueueBudget budget = new SendQueueBudget(1_000);
    EngineSession slowest = open("slowest", budget);
    EngineSession slow = open("slow", budget);
    EngineSession fast = open("fast", budget);
    fill(slowest, 5);
    fill(slow, 3);
    fill(fast, 1);
    assertThat(budget.usedBytes()).isEqualTo(900);

    // 200 more do not fit: freeing the slowest (500) is enough to get under the low-water mark
    fill(fast, 2);

    assertThat(slowest.isOpen()).isFalse();
    assertThat(slow.isOpen()).isTrue();
    assertThat(fast.isOpen()).isTrue();
    assertThat(budget.usedBytes()).isEqualTo(600);
    assertThat(budget.evictedCount()).isEqualTo(1);
    assertThat(slowest.send(HUNDRED_BYTES)).as("an evicted session takes nothing").isFalse();

    assertThat(closes).containsExactly(Map.entry("slowest", SendQueueBudget.EVICTED));
  }

  @Test
  void closesAsManySessionsAsItTakesToGetUnderTheLowWaterMark() {
    SendQueueBudget budget = new SendQueueBudget(1_000);
    List<EngineSession> sessions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      EngineSession session = open("s" + i, budget);
      fill(session, 1);
      sessions.add(session);
    }

    EngineSession newcomer = open("new", budget);
    fill(newcomer, 1);

    // 1,100 wanted; the low-water mark is 900: two of the ten must go
    assertThat(sessions.stream().filter(s -> !s.isOpen())).hasSize(2);
    assertThat(budget.usedBytes()).isEqualTo(900);
    assertThat(newcomer.isOpen()).isTrue();
  }

  @Test
  void aPacketIsRefusedOnlyWhenNoRoomCanBeMade() {
    SendQueueBudget budget = new SendQueueBudget(150);
    EngineSession session = open("a", budget);

    fill(session, 1);
    // the session itself is the slowest: it is closed, and its packet cannot be queued
    assertThat(session.send(HUNDRED_BYTES)).isFalse();
    assertThat(session.isOpen()).isFalse();

    EngineSession alone = open("b", budget);
    assertThat(alone.send("y".repeat(200))).as("bigger than the whole budget").isFalse();
    assertThat(alone.isOpen()).isTrue();
    // the first was not refused by the budget (closing "a" made room) but by the closed session
    assertThat(budget.refusedCount()).isEqualTo(1);
    assertThat(budget.usedBytes()).isZero();
  }

  @Test
  void controlPacketsAreCountedEvenPastTheLimit() {
    SendQueueBudget budget = new SendQueueBudget(100);
    EngineSession session =
        new EngineSession(
            "a",
            "127.0.0.1",
            Map.of(),
            Map.of(),
            EngineOptions.builder()
                .pingInterval(Duration.ofMillis(100))
                .pingTimeout(Duration.ofHours(1))
                .build(),
            new ClosesRecorder(closes),
            clock,
            () -> {},
            budget);
    session.start(new StuckTransport());
    session.open(() -> {});
    assertThat(session.send(HUNDRED_BYTES)).isTrue();

    clock.advance(Duration.ofMillis(100)); // the ping is queued however full the budget is

    assertThat(budget.usedBytes()).isEqualTo(101);
    assertThat(session.isOpen()).isTrue();
  }

  @Test
  void manyThreadsNeverQueueMoreThanTheBudget() throws Exception {
    SendQueueBudget budget = new SendQueueBudget(50_000);
    List<EngineSession> sessions = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      sessions.add(open("s" + i, budget));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    CountDownLatch done = new CountDownLatch(4);
    long[] peak = new long[1];
    for (int t = 0; t < 4; t++) {
      int offset = t;
      threads.execute(
          () -> {
            for (int i = 0; i < 5_000; i++) {
              sessions.get((i * 7 + offset) % sessions.size()).send(HUNDRED_BYTES);
              long used = budget.usedBytes();
              synchronized (peak) {
                peak[0] = Math.max(peak[0], used);
              }
            }
            done.countDown();
          });
    }
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    threads.shutdown();

    assertThat(peak[0]).isLessThanOrEqualTo(50_000);
    assertThat(budget.evictedCount()).isPositive();
    long queued = sessions.stream().mapToLong(EngineSession::queuedBytes).sum();
    assertThat(budget.usedBytes()).isEqualTo(queued);
  }

  @Test
  void aLargeFanoutTakesTheBudgetAChunkAtATimeAndGivesTheRestBackAtItsEnd() {
    SendQueueBudget budget = new SendQueueBudget(10_000_000);
    List<EngineSession> sessions = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sessions.add(open("s" + i, budget));
    }
    long[] during = new long[1];

    int queued =
        DirectWrites.deferred(
            () -> {
              int accepted = 0;
              for (EngineSession session : sessions) {
                accepted += session.send(HUNDRED_BYTES) ? 1 : 0;
              }
              during[0] = budget.usedBytes();
              return accepted;
            });

    assertThat(queued).isEqualTo(3);
    assertThat(during[0]).as("one chunk for the three").isEqualTo(DirectWrites.RESERVE_CHUNK);
    assertThat(budget.usedBytes()).isEqualTo(300);
    assertThat(sessions.stream().mapToLong(EngineSession::queuedBytes).sum()).isEqualTo(300);
  }

  @Test
  void aFanoutNearTheLimitClosesTheSlowestAndRefusesAsOutsideOne() {
    SendQueueBudget budget = new SendQueueBudget(150); // less than a chunk
    EngineSession session = open("a", budget);
    EngineSession alone = open("b", budget);

    int queued =
        DirectWrites.deferred(
            () ->
                (session.send(HUNDRED_BYTES) ? 1 : 0)
                    + (session.send(HUNDRED_BYTES) ? 1 : 0)
                    + (alone.send("y".repeat(200)) ? 1 : 0));

    assertThat(queued).isEqualTo(1);
    assertThat(session.isOpen()).as("the slowest, closed to make room").isFalse();
    assertThat(alone.isOpen()).isTrue();
    assertThat(budget.refusedCount()).isEqualTo(1);
    assertThat(budget.usedBytes()).isZero();
  }

  @Test
  void refusesANonPositiveLimit() {
    assertThatThrownBy(() -> new SendQueueBudget(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineOptions.builder().sendQueueBudgetBytes(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sendQueueBudgetBytes");
  }

  /** A transport whose client never reads: nothing leaves the queue. */
  private static final class StuckTransport implements Transport {
    @Override
    public String name() {
      return EngineOptions.WEBSOCKET;
    }

    @Override
    public void flush() {}

    @Override
    public void beginClose() {}

    @Override
    public void abort(boolean clientInitiated) {}
  }

  private record ClosesRecorder(Map<String, String> closes) implements EngineListener {
    @Override
    public void onOpen(EngineSocket socket) {}

    @Override
    public void onMessage(EngineSocket socket, String text) {}

    @Override
    public void onBinary(EngineSocket socket, byte[] data) {}

    @Override
    public void onClose(EngineSocket socket, String reason) {
      closes.put(socket.id(), reason);
    }
  }
}
