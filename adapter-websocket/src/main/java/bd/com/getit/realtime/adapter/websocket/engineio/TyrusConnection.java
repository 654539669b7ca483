package bd.com.getit.realtime.adapter.websocket.engineio;

import jakarta.websocket.CloseReason;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A websocket carried by a jakarta.websocket container (Tyrus): raw frames when the container
 * allows them ({@link RawFrameWriter#of(Session)}), else its standard asynchronous sends.
 */
final class TyrusConnection implements WebSocketConnection {

  private static final System.Logger LOG = System.getLogger(TyrusConnection.class.getName());

  private final Session ws;
  private final RawFrameWriter frames;

  TyrusConnection(Session ws) {
    this(ws, RawFrameWriter.of(ws));
  }

  /** With {@code frames} null, messages go through the standard sends. */
  TyrusConnection(Session ws, RawFrameWriter frames) {
    this.ws = Objects.requireNonNull(ws, "ws");
    this.frames = frames;
  }

  Session session() {
    return ws;
  }

  @Override
  public RawFrameWriter frames() {
    return frames;
  }

  @Override
  public void sendText(String message, RawFrameWriter.Done done) {
    ws.getAsyncRemote().sendText(message, handler(done));
  }

  @Override
  public void sendBinary(ByteBuffer message, RawFrameWriter.Done done) {
    ws.getAsyncRemote().sendBinary(message, handler(done));
  }

  private static SendHandler handler(RawFrameWriter.Done done) {
    return result -> done.done(result.isOK() ? null : result.getException());
  }

  @Override
  public void receive(Receiver receiver) {
    ws.addMessageHandler(String.class, (MessageHandler.Whole<String>) receiver::onText);
    ws.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) receiver::onBinary);
  }

  @Override
  public void close(int code, String reason) {
    if (!ws.isOpen()) {
      return;
    }
    try {
      ws.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, "websocket close failed", e);
    }
  }

  @Override
  public void abort() {
    close(CloseReason.CloseCodes.NORMAL_CLOSURE.getCode(), "");
  }

  @Override
  public boolean isOpen() {
    return ws.isOpen();
  }
}
