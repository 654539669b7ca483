package bd.com.getit.realtime.bench.mobile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user-space TCP proxy that behaves like a mobile link between clients and the server ({@code tc
 * netem} is not available here): per direction a bottleneck of so many bits per second with a
 * bounded buffer (a full buffer stops reading, so TCP backpressure reaches the sender), a one-way
 * delay with jitter, and loss. Loss cannot drop bytes of a TCP stream through a proxy; a lost
 * segment is modelled as TCP sees it: that chunk and everything behind it arrive one retransmission
 * timeout later (head-of-line blocking). Counts the bytes carried each way. Two threads per
 * direction per connection: for a handful of simulated phones, not for load.
 */
public final class LinkSimulator implements AutoCloseable {

  /**
   * One link profile.
   *
   * @param downBitsPerSecond server to client
   * @param upBitsPerSecond client to server
   * @param oneWayDelay half the round trip
   * @param jitter added to each chunk's delay, uniformly from 0 to this
   * @param loss the chance a chunk is lost and retransmitted
   * @param bufferBytes what the link's bottleneck holds per direction before it stops reading
   */
  public record Profile(
      String name,
      long downBitsPerSecond,
      long upBitsPerSecond,
      Duration oneWayDelay,
      Duration jitter,
      double loss,
      int bufferBytes) {

    /** {@code 2g}: 50 kbit/s down, 20 up, 300 ms RTT, 1% loss. */
    public static final Profile G2 =
        new Profile(
            "2g", 50_000, 20_000, Duration.ofMillis(150), Duration.ofMillis(30), 0.01, 16 * 1024);

    /** {@code 3g}: 400 kbit/s down, 200 up, 150 ms RTT, 0.5% loss. */
    public static final Profile G3 =
        new Profile(
            "3g", 400_000, 200_000, Duration.ofMillis(75), Duration.ofMillis(15), 0.005, 64 * 1024);

    /** {@code 4g}: 5 Mbit/s down, 2 up, 50 ms RTT, 0.1% loss. */
    public static final Profile G4 =
        new Profile(
            "4g",
            5_000_000,
            2_000_000,
            Duration.ofMillis(25),
            Duration.ofMillis(5),
            0.001,
            256 * 1024);

    public static Profile named(String name) {
      return switch (name) {
        case "2g" -> G2;
        case "3g" -> G3;
        case "4g" -> G4;
        default -> throw new IllegalArgumentException("profiles are 2g, 3g and 4g: " + name);
      };
    }

    Duration roundTrip() {
      return oneWayDelay.multipliedBy(2);
    }
  }

  private static final int CHUNK = 1400; // about one TCP segment

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final Profile profile;
  private final AtomicLong bytesDown = new AtomicLong();
  private final AtomicLong bytesUp = new AtomicLong();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile long outageUntilNanos;
  private volatile boolean closed;

  public LinkSimulator(int port, InetSocketAddress target, Profile profile) throws IOException {
    this.listener = new ServerSocket();
    this.listener.setReuseAddress(true);
    this.listener.bind(new InetSocketAddress("127.0.0.1", port));
    this.target = target;
    this.profile = profile;
    Thread acceptor = new Thread(this::accept, "link-" + profile.name() + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  public Profile profile() {
    return profile;
  }

  /** Bytes carried from the server to the clients so far. */
  public long bytesDown() {
    return bytesDown.get();
  }

  public long bytesUp() {
    return bytesUp.get();
  }

  /** Cuts the link for {@code duration}: open connections are reset, new ones refused. */
  public void outage(Duration duration) {
    outageUntilNanos = System.nanoTime() + duration.toNanos();
    for (Socket socket : open) {
      closeQuietly(socket);
    }
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (System.nanoTime() < outageUntilNanos) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket server = new Socket();
        server.connect(target);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        open.add(client);
        open.add(server);
        pipe(server, client, profile.downBitsPerSecond(), bytesDown, "down");
        pipe(client, server, profile.upBitsPerSecond(), bytesUp, "up");
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  /** One direction: a reader that queues timed chunks, a writer that delivers them on time. */
  private void pipe(Socket from, Socket to, long bitsPerSecond, AtomicLong counter, String name) {
    LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    Object space = new Object();
    long[] buffered = {0};
    Thread reader =
        new Thread(
            () -> {
              long lastDeparture = 0;
              long lastArrival = 0;
              byte[] buffer = new byte[CHUNK];
              try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  synchronized (space) {
                    while (buffered[0] + n > profile.bufferBytes()) {
                      space.wait();
                    }
                    buffered[0] += n;
                  }
                  long now = System.nanoTime();
                  long serialization = n * 8L * 1_000_000_000L / bitsPerSecond;
                  long departure = Math.max(lastDeparture, now) + serialization;
                  ThreadLocalRandom random = ThreadLocalRandom.current();
                  long arrival =
                      departure
                          + profile.oneWayDelay().toNanos()
                          + (long) (random.nextDouble() * profile.jitter().toNanos());
                  if (random.nextDouble() < profile.loss()) {
                    // retransmitted after a timeout of about two round trips (200 ms at least)
                    arrival += Math.max(200_000_000L, 2 * profile.roundTrip().toNanos());
                  }
                  arrival = Math.max(arrival, lastArrival); // TCP delivers in order
                  lastDeparture = departure;
                  lastArrival = arrival;
                  byte[] copy = new byte[n];
                  System.arraycopy(buffer, 0, copy, 0, n);
                  queue.add(new Chunk(copy, arrival));
                }
              } catch (IOException | InterruptedException e) {
                // the connection ended
              } finally {
                queue.add(new Chunk(null, 0));
              }
            },
            "link-" + name + "-read");
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream out = to.getOutputStream()) {
                while (true) {
                  Chunk chunk = queue.take();
                  if (chunk.data == null) {
                    break;
                  }
                  long wait = chunk.arrivalNanos - System.nanoTime();
                  if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                  }
                  out.write(chunk.data);
                  counter.addAndGet(chunk.data.length);
                  synchronized (space) {
                    buffered[0] -= chunk.data.length;
                    space.notifyAll();
                  }
                }
              } catch (IOException | InterruptedException e) {
                // the connection ended
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "link-" + name + "-write");
    reader.setDaemon(true);
    writer.setDaemon(true);
    reader.start();
    writer.start();
  }

  private record Chunk(byte[] data, long arrivalNanos) {}

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket socket : open) {
      closeQuietly(socket);
    }
  }
}
