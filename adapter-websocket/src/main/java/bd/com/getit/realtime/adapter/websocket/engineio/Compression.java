package bd.com.getit.realtime.adapter.websocket.engineio;

/**
 * When the server compresses what it sends (PROTOCOL section 10.4): websocket frames with
 * permessage-deflate when the client offered it, polling responses with gzip or deflate when the
 * request accepts it; only payloads of at least {@code thresholdBytes}, below which compression
 * costs more than it saves.
 *
 * @param enabled whether permessage-deflate is negotiated and polling responses are compressed
 * @param thresholdBytes the smallest payload compressed, in bytes
 */
public record Compression(boolean enabled, int thresholdBytes) {

  /** On, from 1 KiB, as the Node server's {@code perMessageDeflate} and polling defaults. */
  public static final Compression DEFAULT = new Compression(true, 1024);

  /** Nothing compressed, nothing negotiated. */
  public static final Compression OFF = new Compression(false, 1024);

  public Compression {
    if (thresholdBytes < 0) {
      throw new IllegalArgumentException("thresholdBytes must not be negative: " + thresholdBytes);
    }
  }

  /** Whether a payload of {@code length} bytes is worth compressing. */
  boolean applies(long length) {
    return enabled && length >= thresholdBytes;
  }
}
