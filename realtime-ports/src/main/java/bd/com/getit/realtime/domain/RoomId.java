package bd.com.getit.realtime.domain;

/** The id of a chat room. */
public record RoomId(String value) {
  public RoomId {
    Ids.require(value, "room id");
  }

  public static RoomId of(String value) {
    return new RoomId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
