package bd.com.getit.realtime.bench.client;

/** Receives the acknowledgement of an emit, on the connection's loop thread. */
@FunctionalInterface
public interface AckHandler {

  /**
   * @param json the ack's arguments, a JSON array
   * @param roundTripNanos from the emit to the ack's arrival
   */
  void ack(String json, long roundTripNanos);
}
