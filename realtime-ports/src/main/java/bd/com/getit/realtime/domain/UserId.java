package bd.com.getit.realtime.domain;

/** The id of a user: the JWT {@code sub}, or {@code guest:<sid>} for a guest. */
public record UserId(String value) {
  public UserId {
    Ids.require(value, "user id");
  }

  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
