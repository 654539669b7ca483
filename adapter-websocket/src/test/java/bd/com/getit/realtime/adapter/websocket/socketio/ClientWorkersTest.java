package bd.com.getit.realtime.adapter.websocket.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The node's client workers: each session's work runs in order on the pool, never on the thread
 * that submits it, and past the bounds a client event is answered at once instead of queued.
 */
class ClientWorkersTest {

  /** Workers that run each session's work on the submitting thread (protocol tests). */
  static ClientWorkers callerRuns() {
    return new ClientWorkers(Runnable::run, 16_384, 128);
  }

  @Test
  void keepsEachSessionsOrderUnderConcurrentSubmitters() throws Exception {
    int sessions = 50;
    int perSession = 400;
    try (ClientWorkers workers = new ClientWorkers(2, 1_000_000, 1_000_000)) {
      List<SerialExecutor> serials = new ArrayList<>();
      List<List<Integer>> seen = new ArrayList<>();
      AtomicInteger overlaps = new AtomicInteger();
      Map<Integer, AtomicInteger> running = new ConcurrentHashMap<>();
      for (int s = 0; s < sessions; s++) {
        serials.add(workers.newSerial());
        seen.add(new ArrayList<>()); // confined to the session's serial executor
        running.put(s, new AtomicInteger());
      }
      CountDownLatch done = new CountDownLatch(sessions * perSession);
      // Two submitters, as two selector threads, each feeding every session its own numbers in
      // order: numbers of one submitter must be seen in order, and nothing of a session at once.
      ExecutorService submitters = Executors.newFixedThreadPool(2);
      for (int t = 0; t < 2; t++) {
        int submitter = t;
        submitters.execute(
            () -> {
              for (int i = 0; i < perSession / 2; i++) {
                for (int s = 0; s < sessions; s++) {
                  int session = s;
                  int value = submitter * 1_000_000 + i;
                  serials
                      .get(s)
                      .execute(
                          () -> {
                            if (running.get(session).incrementAndGet() != 1) {
                              overlaps.incrementAndGet();
                            }
                            seen.get(session).add(value);
                            running.get(session).decrementAndGet();
                            done.countDown();
                          });
                }
              }
            });
      }
      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
      submitters.shutdown();

      assertThat(overlaps).hasValue(0);
      for (List<Integer> values : seen) {
        assertThat(values).hasSize(perSession);
        assertThat(values.stream().filter(v -> v < 1_000_000).toList()).isSorted();
        assertThat(values.stream().filter(v -> v >= 1_000_000).toList()).isSorted();
      }
    }
  }

  @Test
  void neverRunsASessionsWorkOnTheSubmittingThread() throws Exception {
    try (ClientWorkers workers = new ClientWorkers(2, 100, 100)) {
      SerialExecutor serial = workers.newSerial();
      CompletableFuture<Thread> ranOn = new CompletableFuture<>();

      serial.execute(() -> ranOn.complete(Thread.currentThread()));

      Thread thread = ranOn.get(10, TimeUnit.SECONDS);
      assertThat(thread).isNotSameAs(Thread.currentThread());
      assertThat(thread.getName()).startsWith("socket.io-worker-");
    }
  }

  @Test
  void aBusySessionYieldsItsWorkerToTheOthers() {
    Queue<Runnable> pool = new ArrayDeque<>();
    ClientWorkers workers = new ClientWorkers(pool::add, 1_000, 1_000);
    SerialExecutor busy = workers.newSerial();
    SerialExecutor other = workers.newSerial();
    List<String> log = new ArrayList<>();
    for (int i = 0; i < SerialExecutor.BATCH + 1; i++) {
      busy.execute(() -> log.add("busy"));
    }
    other.execute(() -> log.add("other"));

    while (!pool.isEmpty()) {
      pool.poll().run();
    }

    assertThat(log).hasSize(SerialExecutor.BATCH + 2);
    assertThat(log.get(SerialExecutor.BATCH)).isEqualTo("other"); // ran before the 17th busy task
    assertThat(log.get(SerialExecutor.BATCH + 1)).isEqualTo("busy");
  }

  @Test
  void refusesBoundsThatAreNotPositive() {
    assertThatThrownBy(() -> new ClientWorkers(Runnable::run, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClientWorkers(Runnable::run, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClientWorkers(0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A server whose workers run only when the test says so: a saturated node. */
  private static final class Held {
    final Queue<Runnable> pool = new ArrayDeque<>();
    final ClientWorkers workers;
    final Handler handler = new Handler();
    final SocketIoServer server;

    Held(int maxQueued, int perSocket) {
      workers = new ClientWorkers(pool::add, maxQueued, perSocket);
      server =
          new SocketIoServer(
              SocketIoOptions.defaults(), Map.of("/", handler), (d, t) -> () -> {}, workers);
    }

    FakeEngineSocket connect() {
      FakeEngineSocket engine = new FakeEngineSocket(server).open();
      engine.receive("0");
      runAll();
      engine.clearSent();
      return engine;
    }

    void runAll() {
      while (!pool.isEmpty()) {
        pool.poll().run();
      }
    }
  }

  private static final class Handler implements NamespaceHandler {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<ConnectDecision> authorize(Handshake handshake) {
      return CompletableFuture.completedFuture(
          ConnectDecision.accept(SocketIds.generate(), Optional.empty(), false));
    }

    @Override
    public void onConnect(SioSocket socket) {}

    @Override
    public void onEvent(SioSocket socket, String event, List<JsonNode> args, Ack ack) {
      events.add(args.get(0).asText());
      if (ack != null) {
        ack.send(List.of(TextNode.valueOf("done")));
      }
    }

    @Override
    public List<JsonNode> busyReply() {
      return List.of(TextNode.valueOf("busy"));
    }

    @Override
    public void onDisconnect(SioSocket socket, String reason) {}
  }

  @Test
  void anEventPastTheSessionsBoundIsAnsweredBusyAtOnceAndTheOthersRunInOrder() {
    Held held = new Held(1_000, 3);
    FakeEngineSocket engine = held.connect();

    engine.receive("21[\"e\",\"a\"]").receive("22[\"e\",\"b\"]").receive("23[\"e\",\"c\"]");
    engine.receive("24[\"e\",\"d\"]"); // the session has 3 waiting: refused
    engine.receive("2[\"e\",\"no ack\"]"); // refused too, and shed: it asked for no answer

    assertThat(engine.texts()).containsExactly("34[\"busy\"]");
    assertThat(held.handler.events).isEmpty();
    assertThat(held.workers.refusedCount()).isEqualTo(2);
    held.runAll();
    assertThat(held.handler.events).containsExactly("a", "b", "c");
    assertThat(engine.texts())
        .containsExactly("34[\"busy\"]", "31[\"done\"]", "32[\"done\"]", "33[\"done\"]");
    assertThat(held.workers.queuedCount()).isZero();

    engine.receive("25[\"e\",\"e\"]"); // room again
    held.runAll();
    assertThat(held.handler.events).containsExactly("a", "b", "c", "e");
  }

  @Test
  void anEventPastTheNodesBoundIsAnsweredBusy() {
    Held held = new Held(2, 100);
    FakeEngineSocket first = held.connect();
    FakeEngineSocket second = held.connect();

    first.receive("21[\"e\",\"a\"]");
    second.receive("21[\"e\",\"b\"]");
    second.receive("22[\"e\",\"c\"]"); // the node has 2 waiting

    assertThat(second.texts()).containsExactly("32[\"busy\"]");
    held.runAll();
    assertThat(held.handler.events).containsExactly("a", "b");
  }

  @Test
  void controlPacketsAreQueuedEvenWhenBusyAndAFloodingSessionIsClosed() {
    Held held = new Held(1_000, 2);
    FakeEngineSocket engine = held.connect();
    engine.receive("21[\"e\",\"a\"]").receive("22[\"e\",\"b\"]");

    engine.receive("1"); // DISCONNECT of the main namespace: not an event, still queued
    assertThat(engine.texts()).isEmpty();
    for (int i = 0; i < 2 * ClientWorkers.CLOSE_FACTOR; i++) {
      engine.receive("3" + i + "[]"); // acks of server emits: never answered busy, queued
    }

    assertThat(engine.isOpen()).isFalse(); // 16 waiting: the session floods
    assertThat(held.workers.refusedCount()).isPositive();
  }
}
