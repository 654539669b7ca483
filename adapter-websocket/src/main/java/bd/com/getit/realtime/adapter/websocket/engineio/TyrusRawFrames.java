package bd.com.getit.realtime.adapter.websocket.engineio;

import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.glassfish.tyrus.core.TyrusWebSocket;

/**
 * Writes websocket frames built by this adapter straight through Tyrus's protocol handler ({@link
 * TyrusWebSocket#sendRawFrame}), so that one encoding serves every socket of a fanout and several
 * queued frames go out in one write. The handler's writer also carries Tyrus's own frames (close,
 * pong), so their order is kept. Tyrus does not expose its web socket from a {@link Session}: it is
 * read once per connection from the remote endpoint's field; when that fails (another container,
 * another Tyrus version) the transport falls back to the standard {@code sendText}. When the web
 * socket runs on a plain Grizzly connection, {@link #of} answers a {@link GrizzlyFrames} instead,
 * which writes the same frames to the connection's write queue without Tyrus's send path.
 */
final class TyrusRawFrames implements RawFrameWriter {

  private static final System.Logger LOG = System.getLogger(TyrusRawFrames.class.getName());
  private static final Field WEB_SOCKET = webSocketField();

  private final TyrusWebSocket socket;

  private TyrusRawFrames(TyrusWebSocket socket) {
    this.socket = socket;
  }

  static RawFrameWriter of(Session ws) {
    if (WEB_SOCKET == null) {
      return null;
    }
    try {
      Object remote = ws.getAsyncRemote();
      if (!WEB_SOCKET.getDeclaringClass().isInstance(remote)) {
        return null;
      }
      Object socket = WEB_SOCKET.get(remote);
      if (!(socket instanceof TyrusWebSocket tyrus)) {
        return null;
      }
      RawFrameWriter direct = GrizzlyFrames.of(tyrus);
      return direct != null ? direct : new TyrusRawFrames(tyrus);
    } catch (IllegalAccessException | RuntimeException e) {
      LOG.log(Level.DEBUG, "raw frames unavailable, using sendText", e);
      return null;
    }
  }

  @Override
  public void write(ByteBuffer frames, Done done) {
    Future<?> result = socket.sendRawFrame(frames);
    if (result instanceof CompletableFuture<?> future) {
      future.whenComplete((ignored, failure) -> done.done(failure));
      return;
    }
    // not expected from Tyrus 2.x: its futures are CompletableFutures
    throw new IllegalStateException("Tyrus returned " + result.getClass());
  }

  private static Field webSocketField() {
    try {
      Field field =
          Class.forName("org.glassfish.tyrus.core.TyrusRemoteEndpoint")
              .getDeclaredField("webSocket");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.INFO, "Tyrus raw frames unavailable, using sendText: " + e);
      return null;
    }
  }
}
