package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.adapter.websocket.engineio.LinkClass;
import bd.com.getit.realtime.adapter.websocket.socketio.SioSocket;
import bd.com.getit.realtime.domain.connection.Bandwidth;
import bd.com.getit.realtime.domain.connection.LinkShaping;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Slow-link mode (PROTOCOL section 10.4) for the sockets of one delivery: the shaping policy, the
 * one scheduler every slow socket's batching window runs on, and when a socket counts as backed up.
 * The scheduler holds at most one task per shaped socket that has events held, and its tasks only
 * move queued references to the socket's send queue: they never block and never run on a network
 * thread.
 */
final class LinkShaper {

  /** A send queue holding this much for {@link #BACKED_UP_FOR} puts its socket in slow mode. */
  static final long BACKED_UP_BYTES = 64 * 1024;

  static final Duration BACKED_UP_FOR = Duration.ofSeconds(1);

  /** The most a shaped socket may hold of events that are never shed, before it is closed. */
  static final long MAX_HELD_BYTES = 1024 * 1024;

  /** In backed-up mode, at most this much is released per window once the queue has drained. */
  static final long BACKED_UP_RELEASE_BYTES = 64 * 1024;

  private static volatile ScheduledExecutorService shared;

  private final LinkShaping policy;
  private final ShapingStats stats;
  private final ScheduledExecutorService scheduler;
  private final LongSupplier nanoTime;

  LinkShaper(LinkShaping policy, ShapingStats stats) {
    this(policy, stats, null, System::nanoTime);
  }

  /**
   * @param scheduler where windows end; null for the process's one shaping thread, created on the
   *     first slow socket
   */
  LinkShaper(
      LinkShaping policy,
      ShapingStats stats,
      ScheduledExecutorService scheduler,
      LongSupplier nanoTime) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.scheduler = scheduler;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  LinkShaping policy() {
    return policy;
  }

  ShapingStats stats() {
    return stats;
  }

  long nanoTime() {
    return nanoTime.getAsLong();
  }

  /** A shaped queue for a socket on a reported slow link. */
  ShapedQueue forBandwidth(SioSocket socket, Bandwidth bandwidth, Runnable onLeft) {
    long window = policy.window(bandwidth).orElseThrow().toNanos();
    return new ShapedQueue(
        this,
        socket,
        linkClass(bandwidth),
        window,
        policy.bytesPerSecond(bandwidth),
        policy.heldLowBytes(bandwidth),
        onLeft);
  }

  /** A shaped queue for a socket whose send queue stayed backed up; released as it drains. */
  ShapedQueue forBackedUp(SioSocket socket, Runnable onLeft) {
    return new ShapedQueue(
        this,
        socket,
        LinkClass.BACKED_UP,
        policy.backedUpWindow().toNanos(),
        0,
        BACKED_UP_BYTES,
        onLeft);
  }

  static LinkClass linkClass(Bandwidth bandwidth) {
    return switch (bandwidth) {
      case G2 -> LinkClass.G2;
      case G3 -> LinkClass.G3;
      case G4 -> LinkClass.G4;
      case WIFI -> LinkClass.WIFI;
    };
  }

  void schedule(Runnable task, long delayNanos) {
    scheduler().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
  }

  private ScheduledExecutorService scheduler() {
    if (scheduler != null) {
      return scheduler;
    }
    ScheduledExecutorService current = shared;
    if (current == null) {
      synchronized (LinkShaper.class) {
        current = shared;
        if (current == null) {
          ScheduledThreadPoolExecutor created =
              new ScheduledThreadPoolExecutor(
                  1,
                  task -> {
                    Thread thread = new Thread(task, "realtime-slow-links");
                    thread.setDaemon(true);
                    return thread;
                  });
          created.setRemoveOnCancelPolicy(true);
          shared = current = created;
        }
      }
    }
    return current;
  }
}
