package bd.com.getit.realtime.app;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Closes a TCP connection that has not delivered a complete HTTP request header within the deadline
 * (slow-loris, or a socket that never starts the Engine.IO handshake). The listener's idle timeout
 * cannot do this: it is long, for upgraded websockets, and every trickled byte resets it. Sits
 * after the HTTP codec, which passes a request on only once its header is complete.
 */
final class HeaderDeadline extends BaseFilter implements AddOn {
  private static final Attribute<Future<?>> TIMER =
      Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(HeaderDeadline.class.getName());

  private final Duration deadline;
  private final ScheduledExecutorService timers;

  HeaderDeadline(Duration deadline, ScheduledExecutorService timers) {
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.timers = Objects.requireNonNull(timers, "timers");
  }

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    builder.add(builder.indexOfType(HttpServerFilter.class), this);
  }

  @Override
  public NextAction handleAccept(FilterChainContext ctx) throws IOException {
    Connection<?> connection = ctx.getConnection();
    try {
      TIMER.set(
          connection,
          timers.schedule(connection::closeSilently, deadline.toMillis(), TimeUnit.MILLISECONDS));
    } catch (RejectedExecutionException stopping) {
      // the server is stopping: the connection is closed with the rest
    }
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    if (ctx.getMessage() instanceof HttpContent) {
      cancel(ctx.getConnection()); // a complete header arrived: the handlers take it from here
    }
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleClose(FilterChainContext ctx) throws IOException {
    cancel(ctx.getConnection());
    return ctx.getInvokeAction();
  }

  private static void cancel(Connection<?> connection) {
    Future<?> timer = TIMER.remove(connection);
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
