package bd.com.getit.realtime.adapter.websocket.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Handler callbacks of one session never overlap and run on the client workers, even when
 * authorizations complete elsewhere.
 */
class SocketIoServerConcurrencyTest {

  private final ExecutorService authorizer = Executors.newFixedThreadPool(2);
  private final ClientWorkers workers = new ClientWorkers(2, 100_000, 10_000);

  @AfterEach
  void stop() {
    authorizer.shutdownNow();
    workers.close();
  }

  /** Counts callbacks and notices two running at once. */
  private final class RecordingHandler implements NamespaceHandler {
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger overlaps = new AtomicInteger();
    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger events = new AtomicInteger();
    final AtomicInteger disconnects = new AtomicInteger();
    final AtomicInteger offWorkers = new AtomicInteger();

    @Override
    public CompletionStage<ConnectDecision> authorize(Handshake handshake) {
      return CompletableFuture.supplyAsync(
          () -> ConnectDecision.accept(SocketIds.generate(), Optional.empty(), false), authorizer);
    }

    @Override
    public void onConnect(SioSocket socket) {
      track(connects);
    }

    @Override
    public void onEvent(SioSocket socket, String event, List<JsonNode> args, Ack ack) {
      track(events);
      if (ack != null) {
        ack.send(args);
      }
    }

    @Override
    public void onDisconnect(SioSocket socket, String reason) {
      track(disconnects);
    }

    private void track(AtomicInteger counter) {
      if (!Thread.currentThread().getName().startsWith("socket.io-worker-")) {
        offWorkers.incrementAndGet();
      }
      if (inside.incrementAndGet() != 1) {
        overlaps.incrementAndGet();
      }
      counter.incrementAndGet();
      inside.decrementAndGet();
    }
  }

  @Test
  void callbacksOfOneSessionNeverOverlap() {
    RecordingHandler handler = new RecordingHandler();
    SocketIoServer server =
        new SocketIoServer(
            SocketIoOptions.defaults(),
            Map.of("/", handler, "/a", handler, "/b", handler),
            (delay, task) -> () -> {},
            workers);
    FakeEngineSocket engine = new FakeEngineSocket(server).open();
    engine.receive("0");
    await().atMost(Duration.ofSeconds(10)).until(() -> handler.connects.get() == 1);

    engine.receive("0/a,").receive("0/b,");
    for (int i = 0; i < 2_000; i++) {
      engine.receive("2" + i + "[\"e\"," + i + "]");
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> handler.connects.get() == 3);
    // Events that arrived before the namespaces' CONNECTs completed are drained by the authorizer's
    // thread; let them all be handled before the drop, after which a socket takes no event.
    await().atMost(Duration.ofSeconds(20)).until(() -> handler.events.get() == 2_000);
    engine.drop("transport close");
    await().atMost(Duration.ofSeconds(10)).until(() -> handler.disconnects.get() == 3);

    assertThat(handler.overlaps).hasValue(0);
    assertThat(handler.offWorkers).hasValue(0); // never on the engine's (the test's) thread
    assertThat(handler.events).hasValue(2_000);
    assertThat(handler.disconnects).hasValue(3);
    assertThat(engine.texts()).filteredOn(text -> text.startsWith("3")).hasSize(2_000);
  }
}
