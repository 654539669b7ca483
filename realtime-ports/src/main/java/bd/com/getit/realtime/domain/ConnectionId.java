package bd.com.getit.realtime.domain;

/** The id of one live connection (the Socket.IO socket id). */
public record ConnectionId(String value) {
  public ConnectionId {
    Ids.require(value, "connection id");
  }

  public static ConnectionId of(String value) {
    return new ConnectionId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
