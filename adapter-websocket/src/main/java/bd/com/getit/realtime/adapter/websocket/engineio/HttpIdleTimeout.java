package bd.com.getit.realtime.adapter.websocket.engineio;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.utils.IdleTimeoutFilter;

/**
 * Closes a plain HTTP connection (a poll, a REST call, a request not yet upgraded) that has had no
 * request or response under way for the listener's keep-alive idle timeout, in place of Grizzly's
 * {@link IdleTimeoutFilter}. Grizzly's filter visits every connection once a second, websockets
 * included, through a per-connection attribute: with thousands of idle websockets that sweep was 6
 * to 8% of a handshake run's CPU, for connections whose liveness the Engine.IO heartbeat already
 * decides. Here an upgraded connection is {@linkplain #forget forgotten} once it serves an
 * Engine.IO session, and the sweep visits only what is left.
 *
 * <p>As Grizzly's filter: a connection is busy while any read or write of it is in the filter chain
 * (a suspended long poll included), and its idle time starts when the last one completes. A
 * negative timeout closes nothing. Thread-safe: reads, writes and completions come from selector
 * and worker threads; the sweep runs on the node's timers and only closes (which never blocks).
 */
final class HttpIdleTimeout extends BaseFilter {

  /** How often the sweep looks: about how late past its timeout an idle connection is closed. */
  static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

  /** One watched connection: how many chain contexts of it are under way, and its deadline. */
  private static final class Idle {
    final AtomicInteger busy = new AtomicInteger();
    volatile long deadline;

    Idle(long deadline) {
      this.deadline = deadline;
    }
  }

  private final long timeoutNanos;
  private final Map<Connection<?>, Idle> watched = new ConcurrentHashMap<>();
  private final FilterChainContext.CompletionListener completed = this::completed;
  private volatile ScheduledFuture<?> sweeping;

  private HttpIdleTimeout(Duration timeout) {
    this.timeoutNanos = timeout.isNegative() ? -1 : timeout.toNanos();
  }

  /**
   * Puts a filter in place of Grizzly's idle-timeout filter on {@code listener}'s chain when the
   * server starts, with the listener's keep-alive idle timeout of that moment, swept on {@code
   * timers}.
   *
   * @param installed told the filter once the chain is built, for the upgrade to reach it
   */
  static void install(
      NetworkListener listener,
      ScheduledExecutorService timers,
      Consumer<HttpIdleTimeout> installed) {
    Objects.requireNonNull(timers, "timers");
    listener.registerAddOn(
        (networkListener, chain) -> {
          HttpIdleTimeout filter =
              new HttpIdleTimeout(
                  Duration.ofSeconds(networkListener.getKeepAlive().getIdleTimeoutInSeconds()));
          replace(chain, filter);
          filter.start(timers);
          installed.accept(filter);
        });
  }

  private static void replace(FilterChainBuilder chain, HttpIdleTimeout filter) {
    int at = chain.indexOfType(IdleTimeoutFilter.class);
    if (at < 0) {
      throw new IllegalStateException("no idle-timeout filter in the listener's chain to replace");
    }
    chain.set(at, filter);
  }

  private void start(ScheduledExecutorService timers) {
    if (timeoutNanos < 0) {
      return;
    }
    long every = SWEEP_EVERY.toNanos();
    sweeping =
        timers.scheduleWithFixedDelay(
            () -> {
              try {
                sweep(System.nanoTime());
              } catch (RuntimeException e) {
                System.getLogger(HttpIdleTimeout.class.getName())
                    .log(System.Logger.Level.WARNING, "idle HTTP connection sweep failed", e);
              }
            },
            every,
            every,
            TimeUnit.NANOSECONDS);
  }

  /** Stops the sweep; the server's connections are closed by its transport. */
  void stop() {
    ScheduledFuture<?> running = sweeping;
    if (running != null) {
      running.cancel(false);
    }
  }

  /** The connection now serves a session the heartbeat watches: this filter lets it be. */
  void forget(Connection<?> connection) {
    watched.remove(connection);
  }

  /** How many connections are watched now. */
  int watched() {
    return watched.size();
  }

  @Override
  public NextAction handleAccept(FilterChainContext ctx) throws IOException {
    if (timeoutNanos >= 0) {
      watched.put(ctx.getConnection(), new Idle(System.nanoTime() + timeoutNanos));
    }
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    busy(ctx);
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleWrite(FilterChainContext ctx) throws IOException {
    busy(ctx);
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleClose(FilterChainContext ctx) throws IOException {
    watched.remove(ctx.getConnection());
    return ctx.getInvokeAction();
  }

  private void busy(FilterChainContext ctx) {
    Idle idle = watched.get(ctx.getConnection());
    if (idle != null) {
      idle.busy.incrementAndGet();
      ctx.addCompletionListener(completed);
    }
  }

  private void completed(FilterChainContext ctx) {
    Idle idle = watched.get(ctx.getConnection());
    // forgotten meanwhile (upgraded): nothing to count down
    if (idle != null && idle.busy.decrementAndGet() == 0) {
      idle.deadline = System.nanoTime() + timeoutNanos;
    }
  }

  /** Closes every watched connection idle past its deadline at {@code now}; how many. */
  int sweep(long now) {
    int closed = 0;
    for (Map.Entry<Connection<?>, Idle> entry : watched.entrySet()) {
      Idle idle = entry.getValue();
      if (idle.busy.get() == 0
          && now - idle.deadline >= 0
          && watched.remove(entry.getKey(), idle)) {
        try {
          entry.getKey().closeSilently();
        } catch (RejectedExecutionException e) {
          // the transport is stopping: it closes every connection itself
        }
        closed++;
      }
    }
    return closed;
  }
}
