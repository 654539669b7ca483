package bd.com.getit.realtime.domain;

/** The id of one live connection (the Socket.IO socket id). */
public record ConnectionId(String value) {
  public ConnectionId {
    Ids.require(value, "connection id");
  }

  public static ConnectionId of(String value) {
    return new ConnectionId(value);
  }

  // Written out: the generated equals and hashCode go through an invokedynamic method-handle
  // chain that the profile of a chat message showed as several percent of its CPU (ids are map
  // keys and compared in loops on every message).
  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof ConnectionId o && value.equals(o.value));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
