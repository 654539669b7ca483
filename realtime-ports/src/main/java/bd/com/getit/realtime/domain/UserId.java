package bd.com.getit.realtime.domain;

/** The id of a user: the JWT {@code sub}, or {@code guest:<sid>} for a guest. */
public record UserId(String value) {
  public UserId {
    Ids.require(value, "user id");
  }

  public static UserId of(String value) {
    return new UserId(value);
  }

  // Written out: the generated equals and hashCode go through an invokedynamic method-handle
  // chain that the profile of a chat message showed as several percent of its CPU (ids are map
  // keys and compared in loops on every message).
  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof UserId o && value.equals(o.value));
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
