package bd.com.getit.realtime.domain;

/**
 * The position of an event in the cluster bus; doubles as the Socket.IO connection state recovery
 * offset. Opaque to everyone but the bus that issued it.
 */
public record StreamOffset(String value) {
  public StreamOffset {
    if (value == null || value.isEmpty() || value.length() > 64) {
      throw new IllegalArgumentException("offset is 1 to 64 characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
