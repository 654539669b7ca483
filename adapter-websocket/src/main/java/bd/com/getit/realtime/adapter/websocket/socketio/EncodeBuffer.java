package bd.com.getit.realtime.adapter.websocket.socketio;

/**
 * A reusable text buffer per thread for what is encoded straight into frames (events, acks, the
 * JSON of an ack's argument): the text is built here and encoded once into its frame, so no builder
 * per packet grows and is thrown away. A buffer that grew past {@link #MAX_KEPT} chars for a large
 * payload is dropped rather than kept by its thread. Two instances never share a buffer, so a
 * packet can be written in one from an argument still held in the other.
 */
public final class EncodeBuffer {

  /** The buffer of whole packets. */
  public static final EncodeBuffer PACKETS = new EncodeBuffer();

  /** The buffer of a packet's arguments, written before their packet. */
  public static final EncodeBuffer ARGUMENTS = new EncodeBuffer();

  /** The largest buffer a thread keeps between packets, in chars. */
  static final int MAX_KEPT = 16 * 1024;

  private static final int INITIAL = 512;

  private final ThreadLocal<StringBuilder> buffer =
      ThreadLocal.withInitial(() -> new StringBuilder(INITIAL));

  private EncodeBuffer() {}

  /** This thread's buffer, empty. Not reentrant: release it before taking it again. */
  public StringBuilder take() {
    StringBuilder out = buffer.get();
    out.setLength(0);
    return out;
  }

  /** Done with the buffer: one that grew too large is replaced by a small one. */
  public void release(StringBuilder out) {
    if (out.capacity() > MAX_KEPT) {
      buffer.set(new StringBuilder(INITIAL));
    }
  }
}
