package bd.com.getit.realtime.adapter.websocket.engineio;

import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Processor;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.asyncqueue.MessageCloner;
import org.glassfish.grizzly.asyncqueue.WritableMessage;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.memory.ByteBufferWrapper;
import org.glassfish.grizzly.nio.NIOTransport;
import org.glassfish.grizzly.ssl.SSLBaseFilter;
import org.glassfish.tyrus.core.TyrusWebSocket;

/**
 * Writes websocket frames built by this adapter straight into the Grizzly connection's asynchronous
 * write queue, the queue every write of the connection ends in. Tyrus's own frames (close, pong)
 * take Tyrus's path (its protocol handler's lock, a future, its task queue, the whole filter chain)
 * and reach the same queue, one whole write at a time, so frames never interleave. A fanout's write
 * skips what a raw frame does not need: no lock, no future, no filter chain walk, no idle-timeout
 * bookkeeping per write (the connection's idle timeout is still reset by every read, and the
 * heartbeat closes a socket that stops answering long before it). Non-blocking: a write the socket
 * cannot take at once waits in Grizzly's queue and completes on its selector thread.
 *
 * <p>Only for a plain connection: one whose filter chain encrypts (TLS) must be written through the
 * chain, so {@link #of} answers null for it and the caller writes through Tyrus.
 */
final class GrizzlyFrames implements RawFrameWriter {

  private static final System.Logger LOG = System.getLogger(GrizzlyFrames.class.getName());
  private static final Field[] PATH = path();

  private final Connection<SocketAddress> connection;
  private final AsyncQueueWriter<SocketAddress> writer;
  // the completion of the last write's Done, reused while the same Done writes (a transport is its
  // own): immutable, so a racy read sees null or a whole one
  private Completion completion;

  private GrizzlyFrames(
      Connection<SocketAddress> connection, AsyncQueueWriter<SocketAddress> writer) {
    this.connection = connection;
    this.writer = writer;
  }

  /** The raw writer of {@code socket}'s Grizzly connection, or null (see the class comment). */
  @SuppressWarnings("unchecked")
  static RawFrameWriter of(TyrusWebSocket socket) {
    if (PATH == null) {
      return null;
    }
    try {
      Object next = socket;
      for (Field field : PATH) {
        if (next == null || !field.getDeclaringClass().isInstance(next)) {
          return null;
        }
        next = field.get(next);
      }
      if (!(next instanceof Connection<?> connection) || !plain(connection)) {
        return null;
      }
      Transport transport = connection.getTransport();
      if (!(transport instanceof NIOTransport nio)) {
        return null;
      }
      return new GrizzlyFrames(
          (Connection<SocketAddress>) connection,
          (AsyncQueueWriter<SocketAddress>) nio.getAsyncQueueIO().getWriter());
    } catch (IllegalAccessException | RuntimeException e) {
      LOG.log(Level.DEBUG, "Grizzly connection unavailable, writing through Tyrus", e);
      return null;
    }
  }

  /**
   * The asynchronous write queue of {@code connection} when nothing in its filter chain transforms
   * what is written, else null (TLS: writes must go through the chain).
   */
  @SuppressWarnings("unchecked")
  static AsyncQueueWriter<SocketAddress> queueOf(Connection<?> connection) {
    if (!plain(connection) || !(connection.getTransport() instanceof NIOTransport nio)) {
      return null;
    }
    return (AsyncQueueWriter<SocketAddress>) nio.getAsyncQueueIO().getWriter();
  }

  /** Whether nothing in the connection's filter chain transforms what is written (TLS). */
  private static boolean plain(Connection<?> connection) {
    Processor<?> processor = connection.getProcessor();
    if (!(processor instanceof FilterChain chain)) {
      return false;
    }
    for (Filter filter : chain) {
      if (filter instanceof SSLBaseFilter) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void write(ByteBuffer frames, Done done) {
    // no cloner: the queue keeps this buffer until it is written, and nobody modifies it
    writer.write(
        connection,
        null,
        new ByteBufferWrapper(frames),
        completionOf(done),
        (MessageCloner<WritableMessage>) null);
  }

  private Completion completionOf(Done done) {
    Completion last = completion;
    if (last == null || last.done != done) {
      last = new Completion(done);
      completion = last;
    }
    return last;
  }

  /** Grizzly's end of one write, told to the transport. */
  static final class Completion
      implements CompletionHandler<WriteResult<WritableMessage, SocketAddress>> {
    private final Done done;

    Completion(Done done) {
      this.done = done;
    }

    @Override
    public void completed(WriteResult<WritableMessage, SocketAddress> result) {
      done.done(null);
    }

    @Override
    public void failed(Throwable failure) {
      done.done(failure);
    }

    @Override
    public void cancelled() {
      done.done(new CancellationException("write cancelled"));
    }

    @Override
    public void updated(WriteResult<WritableMessage, SocketAddress> result) {}
  }

  /**
   * The fields from a Tyrus web socket to its Grizzly connection: its protocol handler, the
   * handler's writer, the Grizzly writer's connection. Null when this Tyrus has other ones.
   */
  private static Field[] path() {
    try {
      Field handler = TyrusWebSocket.class.getDeclaredField("protocolHandler");
      Field writer =
          Class.forName("org.glassfish.tyrus.core.ProtocolHandler").getDeclaredField("writer");
      Field connection =
          Class.forName("org.glassfish.tyrus.container.grizzly.client.GrizzlyWriter")
              .getDeclaredField("connection");
      Field[] path = {handler, writer, connection};
      for (Field field : path) {
        field.setAccessible(true);
      }
      return path;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.INFO, "Grizzly connections unavailable, writing through Tyrus: " + e);
      return null;
    }
  }
}
