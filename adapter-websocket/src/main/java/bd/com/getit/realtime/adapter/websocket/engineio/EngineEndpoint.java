package bd.com.getit.realtime.adapter.websocket.engineio;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * The Tyrus endpoint of one websocket connection: starts a new session, or offers itself as the
 * upgrade of a polling session when the request names a {@code sid}. Public only because Tyrus
 * calls its methods reflectively; it cannot be created outside this package.
 */
public final class EngineEndpoint extends Endpoint {

  private static final System.Logger LOG = System.getLogger(EngineEndpoint.class.getName());

  private final EngineServer server;
  private volatile WebSocketTransport transport;
  private volatile Runnable relayEnd;

  EngineEndpoint(EngineServer server) {
    this.server = server;
  }

  @Override
  public void onOpen(Session ws, EndpointConfig config) {
    // taken out, not read: the session keeps its own copy, the socket need not hold this one
    Object captured = ws.getUserProperties().remove(WebSocketHandshake.KEY);
    if (!(captured instanceof WebSocketHandshake handshake)) {
      refuse(ws, EngineError.BAD_REQUEST);
      return;
    }
    int maxPayload = server.options().maxPayload();
    ws.setMaxTextMessageBufferSize(maxPayload);
    ws.setMaxBinaryMessageBufferSize(maxPayload);
    // The Engine.IO heartbeat decides liveness. Negative, not 0: with 0 Tyrus still schedules a
    // no-op idle task (and cancels the last one) on every message in or out; negative arms none.
    ws.setMaxIdleTimeout(-1);
    String sid = handshake.sid();
    if (sid == null) {
      EngineSession session =
          server.newSession(handshake.remoteAddress(), handshake.query(), handshake.headers());
      WebSocketTransport created = transport(ws, session);
      listen(ws, created);
      server.startWebSocketSession(session, created);
      return;
    }
    EngineSession session = server.session(sid);
    if (session == null
        && server.isRemote(sid, name -> HandshakeCapture.first(handshake.headers(), name))) {
      relayEnd =
          server
              .remote()
              .relayWebSocket(
                  new TyrusConnection(ws),
                  ws.getRequestURI().getRawPath(),
                  handshake.query(),
                  handshake.headers());
      return;
    }
    if (session == null) {
      refuse(ws, EngineError.UNKNOWN_SID);
      return;
    }
    WebSocketTransport candidate = transport(ws, session);
    if (!session.offerUpgrade(candidate, handshake.upgradeClaim())) {
      session.refuseAfterProbe(() -> refuse(ws, EngineError.BAD_REQUEST));
      return;
    }
    listen(ws, candidate);
  }

  /** The transport of {@code ws}, compressing its frames when it negotiated permessage-deflate. */
  private WebSocketTransport transport(Session ws, EngineSession session) {
    Compression deflate =
        PerMessageDeflate.negotiatedBy(ws) ? server.options().compression() : null;
    return new WebSocketTransport(
        new TyrusConnection(ws),
        session,
        server.writers(),
        deflate,
        PerMessageDeflate.contextTakeoverAllowed(ws),
        server.wireStats());
  }

  private void listen(Session ws, WebSocketTransport target) {
    transport = target;
    ws.addMessageHandler(String.class, (MessageHandler.Whole<String>) target::onText);
    ws.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) target::onBinary);
  }

  private static void refuse(Session ws, EngineError error) {
    try {
      ws.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, error.json()));
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "could not refuse a websocket", e);
    }
  }

  @Override
  public void onClose(Session ws, CloseReason reason) {
    Runnable relay = relayEnd;
    if (relay != null) {
      relay.run();
    }
    WebSocketTransport target = transport;
    if (target != null) {
      target.onClosed();
    }
  }

  @Override
  public void onError(Session ws, Throwable error) {
    Runnable relay = relayEnd;
    if (relay != null) {
      relay.run();
    }
    WebSocketTransport target = transport;
    if (target != null) {
      target.onError(error);
    }
  }
}
