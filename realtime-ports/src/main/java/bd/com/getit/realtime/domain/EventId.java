package bd.com.getit.realtime.domain;

/** The id of an event; also its de-duplication key. */
public record EventId(String value) {
  public EventId {
    Ids.require(value, "event id");
  }

  public static EventId of(String value) {
    return new EventId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
