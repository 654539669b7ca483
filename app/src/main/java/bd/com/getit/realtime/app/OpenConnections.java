package bd.com.getit.realtime.app;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Tracks the TCP connections of the server's listener. Stopping the HTTP server does not close
 * connections already upgraded to websockets, and many clients never answer a close frame (they
 * wait for the TCP close), so a graceful stop ends with closing what is still open.
 */
final class OpenConnections extends BaseFilter implements AddOn {
  private final Set<Connection<?>> open = ConcurrentHashMap.newKeySet();

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    builder.add(builder.indexOfType(TransportFilter.class) + 1, this);
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    open.add(ctx.getConnection());
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleClose(FilterChainContext ctx) throws IOException {
    open.remove(ctx.getConnection());
    return ctx.getInvokeAction();
  }

  int size() {
    return open.size();
  }

  /**
   * Closes every tracked connection and waits (bounded) for the closes to happen: they run on the
   * selector threads, which must still be alive. The peers see the transport close and reconnect.
   */
  void closeAll(Duration wait) {
    List<Future<?>> closing = new ArrayList<>();
    for (Connection<?> connection : open) {
      closing.add(connection.close());
    }
    long deadline = System.nanoTime() + wait.toNanos();
    for (Future<?> future : closing) {
      try {
        future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        // the connection is gone or will be when the transport stops
      }
    }
    open.clear();
  }
}
