package bd.com.getit.realtime.adapter.websocket.socketio;

/** A Socket.IO packet that breaks the protocol: the session that sent it is closed. */
public final class MalformedPacketException extends Exception {

  private static final long serialVersionUID = 1L;

  public MalformedPacketException(String message) {
    super(message, null, false, false);
  }
}
