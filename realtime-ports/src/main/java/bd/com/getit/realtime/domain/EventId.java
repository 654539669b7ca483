package bd.com.getit.realtime.domain;

/** The id of an event; also its de-duplication key. */
public record EventId(String value) {
  public EventId {
    Ids.require(value, "event id");
  }

  public static EventId of(String value) {
    return new EventId(value);
  }

  // Written out: the generated equals and hashCode go through an invokedynamic method-handle
  // chain that the profile of a chat message showed as several percent of its CPU (ids are map
  // keys and compared in loops on every message).
  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof EventId o && value.equals(o.value));
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
