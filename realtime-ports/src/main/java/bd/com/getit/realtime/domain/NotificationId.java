package bd.com.getit.realtime.domain;

/** The id of a notification. */
public record NotificationId(String value) {
  public NotificationId {
    Ids.require(value, "notification id");
  }

  public static NotificationId of(String value) {
    return new NotificationId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
