package bd.com.getit.realtime.adapter.websocket.engineio;

import java.io.IOException;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;

/**
 * Hands every read of a connection upgraded by {@link WebSocketUpgrade} to its {@link
 * GrizzlyWebSocket}, ahead of Grizzly's HTTP codec, which never sees a frame; and tells the socket
 * when its connection closes or fails. Other connections pass through untouched. Stateless: one per
 * server.
 */
final class WebSocketReads extends BaseFilter {

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    GrizzlyWebSocket socket = GrizzlyWebSocket.of(ctx.getConnection());
    if (socket == null) {
      return ctx.getInvokeAction();
    }
    if (ctx.getMessage() instanceof Buffer bytes) {
      socket.read(bytes);
    }
    return ctx.getStopAction();
  }

  @Override
  public NextAction handleClose(FilterChainContext ctx) throws IOException {
    GrizzlyWebSocket socket = GrizzlyWebSocket.of(ctx.getConnection());
    if (socket != null) {
      socket.onTcpClosed();
    }
    return ctx.getInvokeAction();
  }

  @Override
  public void exceptionOccurred(FilterChainContext ctx, Throwable error) {
    GrizzlyWebSocket socket = GrizzlyWebSocket.of(ctx.getConnection());
    if (socket != null) {
      socket.onReadError(error);
    }
  }
}
