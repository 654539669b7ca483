package bd.com.getit.realtime.bench.scenario;

import bd.com.getit.realtime.bench.client.ClientLoop;
import bd.com.getit.realtime.bench.client.SioConnection;
import bd.com.getit.realtime.bench.client.SioListener;
import bd.com.getit.realtime.bench.client.Target;
import bd.com.getit.realtime.bench.measure.Latency;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Opens and holds many connections over a few selector loops: a bounded number of handshakes in
 * flight, source addresses 127.0.0.x spread so that more sockets than one address's ephemeral ports
 * can be opened, and the handshake latency and failures counted.
 */
final class Fleet implements AutoCloseable {

  /** Sockets per source address: well inside the default ephemeral range (32768 to 60999). */
  private static final int SOCKETS_PER_SOURCE = 20_000;

  private final List<ClientLoop> loops = new ArrayList<>();
  private final List<SioConnection> connections = new ArrayList<>();
  private final Latency handshakes = new Latency();
  private final AtomicInteger connected = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger closedAfterConnect = new AtomicInteger();
  private final Map<String, Integer> reasons = new ConcurrentHashMap<>();

  Fleet(int loopCount) {
    for (int i = 0; i < loopCount; i++) {
      loops.add(new ClientLoop("bench-loop-" + i));
    }
  }

  /** The result of {@link #connect}: the connected ones, and how long it took. */
  record Opened(List<SioConnection> connections, int failed, long nanos) {}

  /**
   * Opens {@code count} connections and waits until each is connected or failed.
   *
   * @param targetFor which server connection {@code i} goes to
   * @param tokenFor the JWT of connection {@code i}
   * @param listener the scenario's listener for events
   */
  Opened connect(
      int count,
      IntFunction<Target> targetFor,
      IntFunction<String> tokenFor,
      SioListener listener,
      int inFlight,
      long timeoutSeconds)
      throws InterruptedException {
    Semaphore permits = new Semaphore(inFlight);
    CountDownLatch done = new CountDownLatch(count);
    List<SioConnection> opened = new ArrayList<>(count);
    int failedBefore = failed.get();
    long start = System.nanoTime();
    SioListener tracking = tracking(listener, permits, done);
    int base = connections.size();
    for (int i = 0; i < count; i++) {
      if (!permits.tryAcquire(timeoutSeconds, TimeUnit.SECONDS)) {
        break;
      }
      int index = base + i;
      SioConnection connection =
          new SioConnection(
              index,
              loops.get(index % loops.size()),
              targetFor.apply(i),
              sourceAddress(index),
              tokenFor.apply(i),
              tracking);
      opened.add(connection);
      connection.start();
    }
    boolean all = done.await(timeoutSeconds, TimeUnit.SECONDS);
    long nanos = System.nanoTime() - start;
    if (!all) {
      System.out.println("  # connect timed out: " + done.getCount() + " still pending");
    }
    connections.addAll(opened);
    List<SioConnection> ok = new ArrayList<>();
    for (SioConnection c : opened) {
      if (c.isConnected()) {
        ok.add(c);
      }
    }
    return new Opened(ok, failed.get() - failedBefore, nanos);
  }

  private SioListener tracking(SioListener listener, Semaphore permits, CountDownLatch done) {
    return new SioListener() {
      @Override
      public void connected(SioConnection c) {
        connected.incrementAndGet();
        handshakes.recordNanos(c.connectNanos());
        permits.release();
        done.countDown();
        listener.connected(c);
      }

      @Override
      public void closed(SioConnection c, String reason) {
        if (c.connectNanos() == 0) {
          failed.incrementAndGet();
          reasons.merge(shorten(reason), 1, Integer::sum);
          permits.release();
          done.countDown();
        } else {
          closedAfterConnect.incrementAndGet();
          reasons.merge("after connect: " + shorten(reason), 1, Integer::sum);
        }
        listener.closed(c, reason);
      }

      @Override
      public void event(SioConnection c, byte[] b, int offset, int length, long at) {
        listener.event(c, b, offset, length, at);
      }
    };
  }

  private static String shorten(String reason) {
    return reason.length() > 160 ? reason.substring(0, 160) : reason;
  }

  private static InetAddress sourceAddress(int index) {
    int source = index / SOCKETS_PER_SOURCE;
    if (source == 0) {
      return null; // the system's choice: 127.0.0.1 for a loopback target
    }
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (1 + source)});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  Latency handshakes() {
    return handshakes;
  }

  /** Connections that were connected and have been closed since (by the server or the network). */
  int closedAfterConnect() {
    return closedAfterConnect.get();
  }

  /** Connections now connected. */
  int liveCount() {
    int live = 0;
    for (SioConnection c : connections) {
      if (c.isConnected()) {
        live++;
      }
    }
    return live;
  }

  /** Why connections failed or closed, most common first, for the log. */
  String reasons() {
    StringBuilder text = new StringBuilder();
    reasons.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(5)
        .forEach(e -> text.append("\n    ").append(e.getValue()).append(" x ").append(e.getKey()));
    return text.toString();
  }

  @Override
  public void close() {
    for (SioConnection c : connections) {
      c.close();
    }
    for (ClientLoop loop : loops) {
      loop.close();
    }
  }
}
