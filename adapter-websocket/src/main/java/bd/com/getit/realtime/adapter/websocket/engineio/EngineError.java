package bd.com.getit.realtime.adapter.websocket.engineio;

/** The request errors of the reference server, with its codes, messages and HTTP statuses. */
enum EngineError {
  UNKNOWN_TRANSPORT(0, "Transport unknown"),
  UNKNOWN_SID(1, "Session ID unknown"),
  BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
  BAD_REQUEST(3, "Bad request"),
  FORBIDDEN(4, "Forbidden"),
  UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version");

  private final int code;
  private final String message;

  EngineError(int code, String message) {
    this.code = code;
    this.message = message;
  }

  int code() {
    return code;
  }

  int httpStatus() {
    return this == FORBIDDEN ? 403 : 400;
  }

  /** The JSON body, {@code {"code":N,"message":"..."}}. */
  String json() {
    return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
  }
}
