package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebSocketTransportTest {

  private final List<Object> written = new ArrayList<>();
  private final List<SendHandler> outstanding = new ArrayList<>();
  private boolean completeInline;
  private EngineSession session;
  private WebSocketTransport transport;

  @BeforeEach
  void wire() {
    wire(Runnable::run, null);
  }

  private void wire(Executor writer, RawFrameWriter raw) {
    RemoteEndpoint.Async remote =
        fake(
            RemoteEndpoint.Async.class,
            (method, args) -> {
              if (method.equals("sendText")) {
                record(args[0], (SendHandler) args[1]);
              } else if (method.equals("sendBinary")) {
                ByteBuffer buffer = (ByteBuffer) args[0];
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                record(bytes, (SendHandler) args[1]);
              }
              return null;
            });
    Session ws =
        fake(
            Session.class,
            (method, args) ->
                switch (method) {
                  case "getAsyncRemote" -> remote;
                  case "isOpen" -> Boolean.TRUE;
                  default -> null;
                });
    session =
        new EngineSession(
            "sid",
            "127.0.0.1",
            Map.of(),
            Map.of(),
            EngineOptions.defaults(),
            new IgnoringListener(),
            new ManualScheduler(),
            () -> {});
    transport = new WebSocketTransport(ws, session, writer, raw);
    session.start(transport);
  }

  /** A fake of an API interface answering by method name (a hand-written stub, no mock maker). */
  private static <T> T fake(Class<T> type, BiFunction<String, Object[], Object> answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> answer.apply(method.getName(), args)));
  }

  private void record(Object frame, SendHandler handler) {
    written.add(frame);
    if (completeInline) {
      handler.onResult(new SendResult());
    } else {
      outstanding.add(handler);
    }
  }

  private void completeNext() {
    outstanding.remove(0).onResult(new SendResult());
  }

  @Test
  void keepsOneWriteOutstandingAndDrainsInOrder() {
    session.send("a");
    session.send(new byte[] {1});
    session.send("b");

    assertThat(written).containsExactly("4a");
    completeNext();
    assertThat(written).hasSize(2);
    assertThat((byte[]) written.get(1)).containsExactly(1);
    completeNext();
    assertThat(written).hasSize(3).last().isEqualTo("4b");
    completeNext();
    assertThat(outstanding).isEmpty();
    assertThat(session.queuedBytes()).isZero();
  }

  @Test
  void sendsDirectPacketsAheadOfTheQueue() {
    session.send("queued");
    transport.sendDirect(EnginePacket.text(PacketType.PONG, "probe"));

    completeNext();

    assertThat(written).containsExactly("4queued", "3probe");
  }

  @Test
  void drainsSendsThatCompleteInlineWithoutRecursing() {
    for (int i = 0; i < 10_000; i++) {
      session.send("m" + i); // the first is written, the others queue behind it
    }
    assertThat(written).hasSize(1);

    completeInline = true;
    completeNext(); // a recursive drain would overflow the stack here

    assertThat(written).hasSize(10_000).startsWith("4m0").endsWith("4m9999");
    assertThat(session.queuedBytes()).isZero();
  }

  @Test
  void anOrderlyCloseSendsQueuedPacketsThenACloseFrame() {
    session.send("last");
    session.close();

    completeNext();
    assertThat(written).containsExactly("4last", "1");
    completeNext();

    assertThat(session.isOpen()).isFalse();
  }

  @Test
  void aFailedWriteIsATransportError() {
    session.send("a");

    outstanding.remove(0).onResult(new SendResult(new java.io.IOException("reset")));

    assertThat(session.isOpen()).isFalse();
    assertThat(session.send("b")).isFalse();
  }

  @Test
  void writesOnTheWriterExecutorWithOneDrainQueuedPerSocket() {
    List<Runnable> drains = new ArrayList<>();
    wire(drains::add, null);

    session.send("a");
    session.send("b");

    assertThat(written).isEmpty(); // nothing is written on the sending thread
    assertThat(drains).hasSize(1);
    drains.remove(0).run();
    assertThat(written).containsExactly("4a");
    completeNext(); // the completion queues the next drain, it does not write itself
    assertThat(written).hasSize(1);
    drains.remove(0).run();
    assertThat(written).containsExactly("4a", "4b");
  }

  @Test
  void aWorkerThreadWritesAnIdleSocketItselfAndLeavesTheBacklogToTheWriter() throws Exception {
    List<Runnable> drains = new ArrayList<>();
    wire(drains::add, null);
    Thread worker =
        new Thread(
            () -> {
              DirectWrites.allowOnCurrentThread();
              session.send("a"); // idle: written here, no hop
              session.send("b"); // a write is outstanding: queued behind it
            });
    worker.start();
    worker.join();

    assertThat(written).containsExactly("4a");
    assertThat(drains).isEmpty();
    completeNext(); // the completion (a network thread here) hands the backlog to the writer
    assertThat(drains).hasSize(1);
    drains.remove(0).run();
    assertThat(written).containsExactly("4a", "4b");
  }

  @Test
  void aLargeFanoutOnAWorkerThreadLeavesItsWritesToTheWriter() throws Exception {
    List<Runnable> drains = new ArrayList<>();
    wire(drains::add, null);
    Thread worker =
        new Thread(
            () -> {
              DirectWrites.allowOnCurrentThread();
              DirectWrites.deferred(() -> session.send("a") ? 1 : 0);
            });
    worker.start();
    worker.join();

    assertThat(written).isEmpty();
    assertThat(drains).hasSize(1);
  }

  @Test
  void aLargeFanoutHandsItsSocketsToTheWriterInChunksAndEachKeepsItsOrder() throws Exception {
    List<Runnable> drains = new ArrayList<>();
    Executor pool = drains::add; // one pool for all, as the server's
    int sockets = 2 * WebSocketTransport.DRAIN_CHUNK + 1;
    List<List<ByteBuffer>> raw = new ArrayList<>();
    List<EngineSession> sessions = new ArrayList<>();
    for (int i = 0; i < sockets; i++) {
      List<ByteBuffer> frames = new ArrayList<>();
      raw.add(frames);
      sessions.add(rawSession(pool, (bytes, done) -> record(frames, bytes, done)));
    }
    PreparedMessage first = PreparedMessage.of("first");
    PreparedMessage second = PreparedMessage.of("second");
    Thread worker =
        new Thread(
            () -> {
              DirectWrites.allowOnCurrentThread();
              DirectWrites.deferred(
                  () -> {
                    sessions.forEach(session -> session.send(first));
                    sessions.forEach(session -> session.send(second));
                    return sockets;
                  });
            });
    worker.start();
    worker.join();

    assertThat(raw).allMatch(List::isEmpty); // nothing written by the fanout's thread
    assertThat(drains).hasSize(3); // 129 sockets in chunks of 64, not one task per socket
    drains.forEach(Runnable::run);
    for (List<ByteBuffer> frames : raw) {
      // both frames, in order, in one write: the second was queued before the drain ran
      assertThat(frames).hasSize(1);
      assertThat(bytes(frames.get(0)))
          .containsExactly(concat(bytes(first.frame()), bytes(second.frame())));
    }
    assertThat(sessions).allMatch(session -> session.queuedBytes() == 0);
  }

  @Test
  void aSocketWithAWriteOutstandingIsNotCollectedAgainByAFanout() throws Exception {
    List<Runnable> drains = new ArrayList<>();
    List<ByteBuffer> frames = new ArrayList<>();
    List<RawFrameWriter.Done> pending = new ArrayList<>();
    EngineSession one =
        rawSession(
            drains::add,
            (bytes, done) -> {
              frames.add(bytes);
              pending.add(done);
            });
    Thread worker =
        new Thread(
            () -> {
              DirectWrites.allowOnCurrentThread();
              one.send("direct"); // idle: written by this thread
              DirectWrites.deferred(() -> one.send("fanout") ? 1 : 0); // behind it
            });
    worker.start();
    worker.join();

    assertThat(frames).hasSize(1);
    assertThat(drains).isEmpty(); // the outstanding write's completion continues the drain
    pending.remove(0).done(null);
    assertThat(drains).hasSize(1);
    drains.remove(0).run();
    assertThat(frames).hasSize(2);
    assertThat(bytes(frames.get(1))).containsExactly(0x81, 7, '4', 'f', 'a', 'n', 'o', 'u', 't');
  }

  @Test
  void aFanoutThatFailsHalfwayStillHandsOutTheDrainsOfWhatItQueued() throws Exception {
    List<Runnable> drains = new ArrayList<>();
    List<ByteBuffer> frames = new ArrayList<>();
    EngineSession one = rawSession(drains::add, (bytes, done) -> record(frames, bytes, done));
    Thread worker =
        new Thread(
            () -> {
              try {
                DirectWrites.deferred(
                    () -> {
                      one.send("queued");
                      throw new IllegalStateException("the fanout's loop failed");
                    });
              } catch (IllegalStateException expected) {
                // the failure reaches the caller; the socket still gets its drain
              }
            });
    worker.start();
    worker.join();

    assertThat(drains).hasSize(1);
    drains.remove(0).run();
    assertThat(frames).hasSize(1);
  }

  /** A websocket session written through {@code raw}, its drains run by {@code writer}. */
  private EngineSession rawSession(Executor writer, RawFrameWriter raw) {
    EngineSession one =
        new EngineSession(
            "sid-" + System.nanoTime(),
            "127.0.0.1",
            Map.of(),
            Map.of(),
            EngineOptions.defaults(),
            new IgnoringListener(),
            new ManualScheduler(),
            () -> {});
    one.start(new WebSocketTransport(wsRecording(), one, writer, raw));
    return one;
  }

  private static void record(List<ByteBuffer> frames, ByteBuffer bytes, RawFrameWriter.Done done) {
    frames.add(bytes);
    done.done(null);
  }

  private static byte[] bytes(byte[] array) {
    return array.clone();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void theProbePongIsWrittenByTheCallerWithoutAHopToTheWriter() {
    List<Runnable> drains = new ArrayList<>();
    wire(drains::add, null);
    drains.clear(); // the open packet's hop, if any

    transport.sendDirect(EnginePacket.text(PacketType.PONG, "probe"));

    assertThat(written).contains("3probe");
    assertThat(drains).isEmpty();
  }

  @Test
  void rawFramesPiledUpBehindAWriteGoOutTogetherAndShareThePreparedFrame() {
    List<ByteBuffer> raw = new ArrayList<>();
    List<RawFrameWriter.Done> pending = new ArrayList<>();
    wire(
        Runnable::run,
        (frames, done) -> {
          raw.add(frames);
          pending.add(done);
        });
    PreparedMessage prepared = PreparedMessage.of("shared");

    session.send(prepared);
    session.send("x");
    session.send(new byte[] {9});
    session.send(prepared);

    assertThat(raw).hasSize(1);
    assertThat(raw.get(0).array()).isSameAs(prepared.frame()); // not copied for this socket
    pending.remove(0).done(null);
    assertThat(raw).hasSize(2);
    assertThat(bytes(raw.get(1)))
        .containsExactly(0x81, 2, '4', 'x', 0x82, 1, 9, 0x81, 7, '4', 's', 'h', 'a', 'r', 'e', 'd');
    pending.remove(0).done(null);
    assertThat(session.queuedBytes()).isZero();
    assertThat(written).isEmpty(); // nothing went through sendText
  }

  @Test
  void aFailedRawWriteIsATransportError() {
    wire(Runnable::run, (frames, done) -> done.done(new java.io.IOException("reset")));

    session.send("a");

    assertThat(session.isOpen()).isFalse();
  }

  @Test
  void aSecondWebsocketIsRefusedOnlyAfterTheCandidatesProbeIsAnswered() {
    ManualScheduler timers = new ManualScheduler();
    EngineSession polling =
        new EngineSession(
            "sid2",
            "127.0.0.1",
            Map.of(),
            Map.of(),
            EngineOptions.defaults(),
            new IgnoringListener(),
            timers,
            () -> {});
    polling.start(new IdlePolling());
    WebSocketTransport candidate =
        new WebSocketTransport(wsRecording(), polling, Runnable::run, null);
    assertThat(polling.offerUpgrade(candidate)).isTrue();
    List<String> events = new ArrayList<>();

    polling.refuseAfterProbe(() -> events.add("second refused"));
    assertThat(events).isEmpty(); // the probe was sent first: its pong goes first

    candidate.onText("2probe");
    events.add(0, String.valueOf(written));
    assertThat(events).containsExactly("[3probe]", "second refused");
    polling.refuseAfterProbe(() -> events.add("third refused")); // probe answered: at once
    assertThat(events).endsWith("third refused");
  }

  @Test
  void aRefusalWaitsForAProbeThatNeverComesOnlySoLong() {
    ManualScheduler timers = new ManualScheduler();
    EngineSession polling =
        new EngineSession(
            "sid3",
            "127.0.0.1",
            Map.of(),
            Map.of(),
            EngineOptions.defaults(),
            new IgnoringListener(),
            timers,
            () -> {});
    polling.start(new IdlePolling());
    assertThat(
            polling.offerUpgrade(
                new WebSocketTransport(wsRecording(), polling, Runnable::run, null)))
        .isTrue();
    List<String> events = new ArrayList<>();

    polling.refuseAfterProbe(() -> events.add("refused"));
    timers.advance(java.time.Duration.ofMillis(EngineSession.REFUSAL_WAIT_MILLIS - 1));
    assertThat(events).isEmpty();
    timers.advance(java.time.Duration.ofMillis(1));

    assertThat(events).containsExactly("refused");
  }

  /** A websocket session whose text sends are recorded in {@code written}. */
  private Session wsRecording() {
    RemoteEndpoint.Async remote =
        fake(
            RemoteEndpoint.Async.class,
            (method, args) -> {
              if (method.equals("sendText")) {
                record(args[0], (SendHandler) args[1]);
              }
              return null;
            });
    completeInline = true;
    return fake(
        Session.class,
        (method, args) ->
            switch (method) {
              case "getAsyncRemote" -> remote;
              case "isOpen" -> Boolean.TRUE;
              default -> null;
            });
  }

  /** A polling transport with no poll waiting. */
  private static final class IdlePolling implements Transport {
    @Override
    public String name() {
      return EngineOptions.POLLING;
    }

    @Override
    public void flush() {}

    @Override
    public void beginClose() {}

    @Override
    public void abort(boolean clientInitiated) {}
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
