package bd.com.getit.realtime.adapter.websocket.engineio;

import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;

/**
 * Ends a connection whose websocket frames come after Tyrus let go of its websocket. Sits between
 * Tyrus's filter and Grizzly's HTTP handlers. Frames of an upgraded connection skip the HTTP codec
 * ({@link UpgradedFrames}), so when Tyrus passes them on they carry no request the HTTP handlers
 * could serve, and Grizzly logs an exception for each. It happens when the server closed a
 * websocket (a ping timeout, a refused second websocket) and the client's close frame crosses it:
 * the official engine.io suite saw four such stack traces a run. Such a connection has nothing more
 * to say: it is closed, quietly.
 */
final class StrayFrames extends BaseFilter {

  @Override
  public NextAction handleRead(FilterChainContext ctx) {
    if (!UpgradedFrames.isUpgraded(ctx.getConnection())) {
      return ctx.getInvokeAction();
    }
    ctx.getConnection().closeSilently();
    return ctx.getStopAction();
  }
}
