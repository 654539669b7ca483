package bd.com.getit.realtime.domain;

/** The id of a chat message; a retried message keeps its id. */
public record MessageId(String value) {
  public MessageId {
    Ids.require(value, "message id");
  }

  public static MessageId of(String value) {
    return new MessageId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
