package bd.com.getit.realtime.adapter.websocket.engineio;

/** Malformed Engine.IO input: the session that sent it is closed with {@code parse error}. */
final class EngineParseException extends Exception {

  private static final long serialVersionUID = 1L;

  EngineParseException(String message) {
    super(message, null, false, false);
  }
}
