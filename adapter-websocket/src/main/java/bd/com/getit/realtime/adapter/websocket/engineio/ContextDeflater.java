package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;

/**
 * Compression with context takeover for one socket on a slow link: each message may refer back to
 * the ones before it, so that small, repetitive events (a price update of 200 bytes is mostly the
 * same keys as the last one) shrink by half or more, which no single message does on its own.
 *
 * <p>This is valid next to the shared frames compressed one message at a time: a client that did
 * not ask for {@code server_no_context_takeover} keeps its inflater's window from message to
 * message, and a message that refers to nothing before it inflates the same in any window. What
 * this deflater has seen is exactly the compressed messages sent since it was created, and the
 * client's window ends with the same bytes, so its back references land where they should. Once
 * ended it is never used again; a new one starts with an empty history, which is valid again.
 *
 * <p>A deflater holds about 256 KiB of native memory, so at most {@link #MAX_OPEN} exist per
 * process; a slow socket past that bound keeps the shared frames. Only the socket's writer uses it
 * (one drain at a time); {@link #end} may come from another thread.
 */
final class ContextDeflater {

  /** How many context deflaters may exist at once (about 256 MiB of native memory). */
  static final int MAX_OPEN = 1024;

  private static final AtomicInteger OPEN = new AtomicInteger();
  private static final int TAIL = 4;

  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
  private boolean ended; // guarded by this

  private ContextDeflater() {}

  /** A new deflater, or null when {@link #MAX_OPEN} are open. */
  static ContextDeflater open() {
    if (OPEN.incrementAndGet() > MAX_OPEN) {
      OPEN.decrementAndGet();
      return null;
    }
    return new ContextDeflater();
  }

  /** How many are open now. */
  static int openCount() {
    return OPEN.get();
  }

  /**
   * The next message compressed, referring back to the earlier ones; null once ended (the caller
   * then sends the message some other way).
   */
  synchronized byte[] compress(byte[] data, int offset, int length) {
    if (ended) {
      return null;
    }
    deflater.setInput(data, offset, length);
    byte[] out = new byte[Math.max(64, length / 2 + 64)];
    int written = 0;
    while (true) {
      written += deflater.deflate(out, written, out.length - written, Deflater.SYNC_FLUSH);
      if (written < out.length) {
        break;
      }
      out = Arrays.copyOf(out, out.length * 2);
    }
    return Arrays.copyOf(out, written - TAIL);
  }

  /** Frees the native memory; later {@link #compress} calls return null. Idempotent. */
  synchronized void end() {
    if (!ended) {
      ended = true;
      deflater.end();
      OPEN.decrementAndGet();
    }
  }
}
