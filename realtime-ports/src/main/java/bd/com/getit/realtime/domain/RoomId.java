package bd.com.getit.realtime.domain;

/** The id of a chat room. */
public record RoomId(String value) {
  public RoomId {
    Ids.require(value, "room id");
  }

  public static RoomId of(String value) {
    return new RoomId(value);
  }

  // Written out: the generated equals and hashCode go through an invokedynamic method-handle
  // chain that the profile of a chat message showed as several percent of its CPU (ids are map
  // keys and compared in loops on every message).
  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof RoomId o && value.equals(o.value));
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
